using Microsoft.Extensions.Logging.Abstractions;
using SpeechCluster.Engines.Synthesis;

namespace SpeechCluster.Engines.Tests.Synthesis;

public sealed class FliteSynthesizerTests : IDisposable
{
    private const string Pangram = "The quick brown fox jumps over the lazy dog.";

    private readonly FliteSynthesizer _flite =
        FliteSynthesizer.TryCreate(NullLogger<FliteSynthesizer>.Instance) ?? throw new InvalidOperationException("libflite1 is not installed");

    public void Dispose() => _flite.Dispose();

    [Fact]
    public void Voices_DebiansFliteVoices_AreOfferedWithSltFirst()
    {
        Assert.Equal(["en-US-Slt", "en-US-Rms", "en-US-Awb", "en-US-Kal"], _flite.Voices.Select(v => v.Id));
        Assert.Equal(new VoiceInfo("en-US-Slt", "Slt", "female", "en-US", "en", "English", "United States"), _flite.Voices[0]);
        Assert.Equal("en-GB", _flite.Voices.Single(v => v.DisplayName == "Awb").Locale);
    }

    [Theory]
    [InlineData("en-US-Slt")]
    [InlineData("en-US-Rms")]
    [InlineData("en-US-Awb")]
    [InlineData("en-US-Kal")]
    public void Synthesize_EachVoice_GivesSpeechOfPlausibleLengthAt16kHz(string voiceId)
    {
        SpeechChecks.AssertPlausibleSpeech(_flite.Synthesize(Pangram, voiceId), Pangram, 16000);
    }

    [Fact]
    public void Synthesize_Kal_MatchesTheFliteCommandLineSampleForSample()
    {
        // Kal is a diphone voice, hence deterministic: equal samples prove the cst_wave layout is read right.
        var audio = _flite.Synthesize(Pangram, "en-US-Kal");

        Assert.Equal(TestSupport.TestSpeech.Flite(Pangram, "kal16"), audio.Samples);
    }

    [Fact]
    public void Synthesize_Slt_IsCloseToTheFliteCommandLine()
    {
        // Slt's clustergen excitation has a random part, so two renderings differ by a little noise.
        var audio = _flite.Synthesize(Pangram, "en-US-Slt");

        Assert.True(SpeechChecks.SignalToDifference(TestSupport.TestSpeech.Flite(Pangram, "slt"), audio.Samples) > 10);
    }

    [Fact]
    public void Synthesize_VoiceIdInOtherCase_IsResolved()
    {
        Assert.Equal(16000, _flite.Synthesize("Hello.", "EN-us-slt").SampleRate);
    }

    [Fact]
    public void Synthesize_EmptyText_GivesNoSamples()
    {
        var audio = _flite.Synthesize(" ", "en-US-Slt");

        Assert.Empty(audio.Samples);
        Assert.Equal(16000, audio.SampleRate);
    }

    [Fact]
    public void Synthesize_UnknownVoice_ThrowsVoiceNotFound()
    {
        var error = Assert.Throws<VoiceNotFoundException>(() => _flite.Synthesize("Hello.", "en-US-Zira"));

        Assert.Equal("en-US-Zira", error.VoiceId);
        Assert.Contains("en-US-Slt", error.Message);
    }

    [Fact]
    public async Task Synthesize_FromSeveralThreads_GivesWhatSequentialCallsGive()
    {
        string[] voices = ["en-US-Slt", "en-US-Rms", "en-US-Awb", "en-US-Kal"];
        string[] texts = ["Good morning.", "The house is red.", "See you tomorrow at noon.", "Thank you very much."];
        var sequential = voices.SelectMany(v => texts.Select(t => (v, t))).ToDictionary(k => k, k => _flite.Synthesize(k.t, k.v).Samples);

        var concurrent = await Task.WhenAll(sequential.Keys.Select(k => Task.Run(() => (k, _flite.Synthesize(k.t, k.v).Samples))));

        Assert.All(concurrent, result =>
            Assert.True(SpeechChecks.SameUtterance(sequential[result.k], result.Samples, 16000), $"{result.k}: {SpeechChecks.Describe(sequential[result.k], result.Samples, 16000)}"));
    }
}
