using SpeechCluster.Engines.Neural.Whisper;
using SpeechCluster.Engines.Recognition;

namespace SpeechCluster.Engines.Tests.Neural.Whisper;

/// <summary>
/// Spoken-language detection with the contract model: after &lt;|startoftranscript|&gt; alone its
/// decoder predicts the language it was written with, and it spells its text only after the
/// prompt of that language ('#' after any other), so a wrong choice shows in the text too.
/// </summary>
public sealed class WhisperDetectionTests
{
    private static readonly WhisperOptions Options = new() { PartialInterval = TimeSpan.FromMilliseconds(500) };

    [Theory]
    [InlineData("es", new[] { "en", "es" }, 1)]
    [InlineData("es", new[] { "es", "en" }, 0)]
    [InlineData("en", new[] { "en", "es" }, 0)]
    [InlineData("en", new[] { "es", "en" }, 1)]
    public void DetectAndTranscribe_AmongCandidates_PicksTheModelsLanguageAndTranscribesInIt(string written, string[] candidates, int expected)
    {
        using var directory = new ContractModelDirectory("hola", language: written);
        using var model = directory.Load();

        var (language, text) = model.DetectAndTranscribe(Loud(2), candidates, new WhisperDecodeLimits(50));

        Assert.Equal(expected, language);
        Assert.Equal("hola", text);
    }

    [Fact]
    public void DetectAndTranscribe_Silence_StillDetectsAndGivesNoText()
    {
        using var directory = new ContractModelDirectory("hola", language: "es");
        using var model = directory.Load();

        var (language, text) = model.DetectAndTranscribe(new float[32000], ["en", "es"], new WhisperDecodeLimits(50));

        Assert.Equal(1, language);
        Assert.Equal("", text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Stream_OverSeveralLocales_ReportsTheDetectedLocaleOnPartialsAndTheFinal(bool merged)
    {
        using var directory = new ContractModelDirectory("hola qué tal", language: "es", merged: merged);
        using var model = directory.Load();
        using var recognizer = new WhisperDetectingRecognizer(model, ["en-US", "es-ES"], Options);
        using var stream = recognizer.OpenStream();

        Assert.Null(stream.Language);
        var partials = new List<(string Text, string? Language)>();
        foreach (var chunk in ContractModelDirectory.Tone(2).Chunk(1600))
        {
            partials.Add((stream.AcceptAudio(chunk), stream.Language));
        }

        var final = stream.Finish();

        Assert.Equal("en-US,es-ES", recognizer.Locale);
        Assert.Contains(partials, partial => partial.Text.Length > 0);
        Assert.All(partials.Where(partial => partial.Text.Length > 0), partial => Assert.Equal("es-ES", partial.Language));
        Assert.Equal("hola qué tal", final.Text);
        Assert.Equal("es-ES", final.Language);
    }

    [Fact]
    public void Stream_OfOneLocale_ReportsNoLanguage()
    {
        using var directory = new ContractModelDirectory("hola", language: "es");
        using var model = directory.Load();
        using var recognizer = new WhisperRecognizer(model, "es-ES", Options);
        using var stream = recognizer.OpenStream();

        stream.AcceptAudio(ContractModelDirectory.Tone(2));

        Assert.Null(stream.Language);
        Assert.Null(stream.Finish().Language);
    }

    [Fact]
    public void Directory_ForACandidateList_GivesOneDetectingRecognizerWhateverTheOrder()
    {
        using var directory = new ContractModelDirectory("hola", language: "es");
        using var model = directory.Load();
        var recognizers = new RecognizerDirectory([new WhisperRecognizer(model, "en-US", Options), new WhisperRecognizer(model, "es-ES", Options)]);

        var detecting = recognizers.For("es-ES,en-US");

        Assert.Same(detecting, recognizers.For("en-US,es-ES"));
        Assert.Equal("en-US,es-ES", detecting.Locale);
        using var stream = detecting.OpenStream();
        stream.AcceptAudio(ContractModelDirectory.Tone(2));
        Assert.Equal("es-ES", stream.Finish().Language);
    }

    [Fact]
    public void Directory_CandidatesOfTwoModels_AreRefusedNamingThem()
    {
        using var english = new ContractModelDirectory("hello", language: "en");
        using var spanish = new ContractModelDirectory("hola", language: "es");
        using var englishModel = english.Load();
        using var spanishModel = spanish.Load();
        var recognizers = new RecognizerDirectory([new WhisperRecognizer(englishModel, "en-US", Options), new WhisperRecognizer(spanishModel, "es-ES", Options)]);

        var error = Assert.Throws<NotSupportedException>(() => recognizers.For("en-US,es-ES"));

        Assert.Contains(englishModel.Name, error.Message);
        Assert.Contains(spanishModel.Name, error.Message);
    }

    [Fact]
    public void DetectingRecognizer_TwoLocalesOfOneLanguage_AreRefused()
    {
        using var directory = new ContractModelDirectory("hola", language: "es");
        using var model = directory.Load();

        Assert.Throws<NotSupportedException>(() => new WhisperDetectingRecognizer(model, ["es-ES", "es-MX"], Options));
    }

    private static float[] Loud(double seconds) => ContractModelDirectory.Tone(seconds).Select(s => s / 32768f).ToArray();
}
