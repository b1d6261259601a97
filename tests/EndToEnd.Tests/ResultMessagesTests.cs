using System.Buffers;
using System.Text;
using System.Text.Json;
using SpeechCluster.Gateway.Protocol;
using SpeechCluster.Grains.Interfaces;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>The JSON of partials and finals (PROTOCOL.md §5.1), written as the send loop writes it.</summary>
public sealed class ResultMessagesTests
{
    private static readonly TranslateRequest OneTarget = new() { SpeechLocale = "en-US", SourceLanguage = "en", Targets = ["es"], Partial = true };

    private static readonly TranscriptEvent Partial = new()
    {
        IsFinal = false,
        UtteranceId = 12,
        PartialIndex = 7,
        Recognition = "he was not an \"ill\" disposed",
        Translations = ["no era un mal dispuesto"],
        Span = new AudioSpan(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2), 48_000, 64_000),
    };

    private static readonly TranscriptEvent Final = Partial with
    {
        IsFinal = true,
        UtteranceId = 1234567,
        PartialIndex = 0,
        Recognition = "He was not an ill disposed young man.",
        Translations = ["No era un joven mal dispuesto.", "Ce n'était pas un jeune homme mal disposé."],
    };

    [Fact]
    public void Write_Partial_IdIsUtteranceDotPartialAndKeysInProtocolOrder()
    {
        var json = Write(Partial, OneTarget);

        Assert.Equal("""{"type":"partial","id":"12.7","recognition":"he was not an \"ill\" disposed","translation":"no era un mal dispuesto"}""", json);
    }

    [Fact]
    public void Write_FinalWithTimingAndTwoTargets_HasTheMapAndTheFourTimingFields()
    {
        var json = Write(Final, OneTarget with { Targets = ["es", "fr"], TimingInfo = true });

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(
            ["type", "id", "recognition", "translation", "translations", "audioTimeOffset", "audioTimeSize", "audioStreamPosition", "audioSizeBytes"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("final", root.GetProperty("type").GetString());
        Assert.Equal("1234567", root.GetProperty("id").GetString());
        Assert.Equal("Ce n'était pas un jeune homme mal disposé.", root.GetProperty("translations").GetProperty("fr").GetString());
        Assert.Equal(TimeSpan.FromSeconds(1.5).Ticks, root.GetProperty("audioTimeOffset").GetInt64());
        Assert.Equal(TimeSpan.FromSeconds(2).Ticks, root.GetProperty("audioTimeSize").GetInt64());
        Assert.Equal(48_000, root.GetProperty("audioStreamPosition").GetInt64());
        Assert.Equal(64_000, root.GetProperty("audioSizeBytes").GetInt64());
        Assert.Contains("jeune homme mal disposé", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WithCandidateLocales_NamesTheDetectedLocaleAfterTheTranslations()
    {
        var detecting = OneTarget with
        {
            Targets = ["es", "fr"],
            TimingInfo = true,
            Candidates = [new SpeechLocale("en-US", "en"), new SpeechLocale("es-ES", "es")],
        };

        using var document = JsonDocument.Parse(Write(Final with { Language = "es-ES" }, detecting));

        var root = document.RootElement;
        Assert.Equal(
            ["type", "id", "recognition", "translation", "translations", "language", "audioTimeOffset", "audioTimeSize", "audioStreamPosition", "audioSizeBytes"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("es-ES", root.GetProperty("language").GetString());
        // A result with nothing detected (no speech decoded) names the first candidate.
        Assert.Contains("\"language\":\"en-US\"", Write(Partial, detecting), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WithOneLocale_HasNoLanguageEvenWhenTheResultCarriesOne()
    {
        Assert.DoesNotContain("language", Write(Partial with { Language = "en-US" }, OneTarget), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OneWriterForManyMessages_SameBytesAsAFreshWriterEachTime()
    {
        var timed = OneTarget with { TimingInfo = true, Targets = ["es", "fr"] };
        (TranscriptEvent, TranslateRequest)[] messages = [(Partial, OneTarget), (Final, timed), (Partial with { PartialIndex = 8 }, timed), (Final, OneTarget)];
        var reused = new ArrayBufferWriter<byte>(16);
        using var writer = ResultMessages.CreateWriter(reused);

        foreach (var (result, request) in messages)
        {
            reused.ResetWrittenCount();
            ResultMessages.Write(writer, result, request);

            Assert.Equal(Write(result, request), Encoding.UTF8.GetString(reused.WrittenSpan));
        }
    }

    private static string Write(TranscriptEvent result, TranslateRequest request)
    {
        var output = new ArrayBufferWriter<byte>();
        ResultMessages.Write(output, result, request);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
