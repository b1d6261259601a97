using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>TrueText as clients see it: profanity parameters and the disfluency extension over the WebSocket.</summary>
[Collection(GatewayCollection.Name)]
public sealed class TrueTextTests(SharedGateway gateway)
{
    // Synthesized once, so every connection of a test hears exactly the same audio.
    private static readonly Lazy<short[]> Profane = new(() => Speech.Sentences(1000, "he is such a bitch").Samples);
    private static readonly Lazy<short[]> Disfluent = new(() => Speech.Sentences(1000, "i think we we should go home now").Samples);

    [Theory]
    [InlineData("", "***", "bitch")]
    [InlineData("&ProfanityAction=NoAction", "bitch", "***")]
    [InlineData("&ProfanityAction=Marked&ProfanityMarker=Asterisk", "***", "bitch")]
    [InlineData("&ProfanityAction=Marked&ProfanityMarker=Tag", "<profanity>bitch</profanity>", "***")]
    [InlineData("&profanityaction=deleted", "such a.", "bitch")]
    [InlineData("&profanity=Off", "bitch", "***")]
    public async Task Profanity_ActionAndMarker_AppliedToRecognitionAndTranslation(string parameters, string shown, string hidden)
    {
        var (recognition, translation) = await FinalAsync(Profane.Value, "api-version=1.0&from=en-US&to=es" + parameters);

        Assert.Contains(shown, recognition, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(hidden, recognition, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<", translation.Replace("<profanity>", "").Replace("</profanity>", ""));
        if (shown == "***")
        {
            Assert.Contains("***", translation);
        }
    }

    [Fact]
    public async Task Disfluency_RemovedRawAndLabeled()
    {
        var query = "api-version=1.0&from=en-US&to=es&disfluency=";

        var (raw, _) = await FinalAsync(Disfluent.Value, query + "Raw");
        var (removed, translated) = await FinalAsync(Disfluent.Value, query + "Removed");
        var (labeled, _) = await FinalAsync(Disfluent.Value, query + "Labeled");

        Assert.Contains("we we", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("we should", removed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("we we", removed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<disfluency>", labeled);
        Assert.DoesNotContain("disfluency", translated);
        Assert.StartsWith("I think", removed);
        Assert.EndsWith(".", removed);
    }

    [Fact]
    public async Task RecordedSpeech_FinalsAreCasedAndPunctuated()
    {
        var recording = TestSpeech.LibriVox.First(r => r.Id.EndsWith("0880", StringComparison.Ordinal));

        var (recognition, translation) = await FinalAsync([.. recording.Samples, .. TestSpeech.Silence(1000)], "api-version=1.0&from=en-US&to=es");

        Assert.Matches(@"^He was not\b.*[.?!]$", recognition);
        Assert.Matches(@"^\p{Lu}.*[.?!]$", translation);
    }

    private async Task<(string Recognition, string Translation)> FinalAsync(short[] samples, string query)
    {
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, query);
        await client.SendAsync(WavHeaders.Standard());
        await client.SendAudioAsync(samples);
        await client.CloseAndDrainAsync(TimeSpan.FromSeconds(120));
        var final = Assert.Single(client.Finals);
        return (final.GetProperty("recognition").GetString()!, final.GetProperty("translation").GetString()!);
    }
}
