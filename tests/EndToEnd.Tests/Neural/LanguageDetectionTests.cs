using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SpeechCluster.Engines.Neural.Models;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport.ContractModels;

namespace SpeechCluster.EndToEnd.Tests.Neural;

/// <summary>
/// The detection extension over the real WebSocket: <c>from=en-US,es-ES</c> with a multilingual
/// contract Whisper serving both. The contract "hears" Spanish (its decoder, after
/// &lt;|startoftranscript|&gt; alone, predicts &lt;|es|&gt;, and spells "hola mundo" only after the
/// Spanish prompt), so what comes back shows that detection, translation and the field all followed.
/// </summary>
public sealed class LanguageDetectionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Conversation_WithTwoCandidates_FinalsNameTheDetectedLocaleAndTranslateFromIt()
    {
        using var models = BilingualModels();
        await using var server = await GatewayServer.StartAsync(models.Settings());

        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, "api-version=1.0&from=en-US,es-ES&to=es,en&features=Partial");
        await client.SendAsync(WavHeaders.NAudio());
        await client.SendAudioAsync(Speech.Sentences("where is the train station").Samples);
        await client.WaitForFinalsAsync(1, Patience);
        await client.CloseAndDrainAsync(Patience);

        var final = Assert.Single(client.Finals);
        var recognition = final.GetProperty("recognition").GetString()!;
        var translations = final.GetProperty("translations");
        Assert.Equal("es-ES", final.GetProperty("language").GetString());
        Assert.Equal("hola mundo", recognition.TrimEnd('.').ToLowerInvariant());
        // Spanish is the language spoken: its "translation" is the recognition itself, untranslated.
        Assert.Equal(recognition, translations.GetProperty("es").GetString());
        Assert.Equal(recognition, final.GetProperty("translation").GetString());
        // English comes from es → en: the contract Marian writes "Hello world." (Apertium would write "Hello World.").
        Assert.Equal("Hello world.", translations.GetProperty("en").GetString());
        Assert.NotEmpty(client.Partials);
        Assert.All(client.Partials, partial => Assert.Equal("es-ES", partial.GetProperty("language").GetString()));
    }

    [Fact]
    public async Task Server_WithABilingualWhisper_ListsItsLocalesAsOneDetectionGroupAndKeepsSingleFromPlain()
    {
        using var models = BilingualModels();
        await using var server = await GatewayServer.StartAsync(models.Settings());

        using var http = new HttpClient { BaseAddress = server.HttpUri };
        var speech = (await http.GetFromJsonAsync<JsonElement>("/languages?api-version=1.0&scope=speech")).GetProperty("speech");
        Assert.Equal("whisper-contract", speech.GetProperty("en-US").GetProperty("detectionGroup").GetString());
        Assert.Equal("whisper-contract", speech.GetProperty("es-ES").GetProperty("detectionGroup").GetString());

        // One locale: v1.0 results, with no "language" field.
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, "api-version=1.0&from=es-ES&to=en&features=Partial");
        await client.SendAsync(WavHeaders.NAudio());
        await client.SendAudioAsync(Speech.Sentences("where is the train station").Samples);
        await client.WaitForFinalsAsync(1, Patience);
        await client.CloseAndDrainAsync(Patience);

        var final = Assert.Single(client.Finals);
        Assert.Equal("Hello world.", final.GetProperty("translation").GetString());
        Assert.All(client.Results, result => Assert.False(result.TryGetProperty("language", out _), result.ToString()));
    }

    [Fact]
    public async Task Resume_OfADetectingConversation_MustGiveTheSameCandidates()
    {
        using var models = BilingualModels();
        await using var server = await GatewayServer.StartAsync(models.Settings());
        const string Query = "api-version=1.0&from=en-US,es-ES&to=es,en";
        string conversation;
        await using (var dropped = await ProtocolClient.ConnectAsync(server.WebSocketUri, Query))
        {
            conversation = dropped.ResponseHeaders["X-ConversationId"].Single();
            await dropped.SendAsync(WavHeaders.NAudio());
            await dropped.SendAudioAsync(new short[8000]);
            dropped.Abort();
        }

        var refusal = await ProtocolClient.RefusedAsync(server.WebSocketUri, $"api-version=1.0&from=en-US&to=es,en&conversation={conversation}&resumeFrom=-1");
        Assert.Equal(HttpStatusCode.BadRequest, refusal.Status);
        Assert.Contains("from=en-US,es-ES", refusal.ErrorMessage);

        await using var resumed = await ProtocolClient.ConnectAsync(server.WebSocketUri, $"{Query}&conversation={conversation}&resumeFrom=-1");
        Assert.Equal(conversation, resumed.ResponseHeaders["X-ConversationId"].Single());
    }

    [Theory]
    [InlineData("from=es-ES,es&to=en", "es-ES is given twice")]
    // Apertium has en → ca but no es → ca: each candidate must reach each target.
    [InlineData("from=en-US,es-ES&to=ca", "to=ca is not a supported translation target from 'es'")]
    public async Task Connect_WithBadCandidates_Is400NamingWhatIsWrong(string parameters, string named)
    {
        using var models = BilingualModels();
        await using var server = await GatewayServer.StartAsync(models.Settings());

        var refusal = await ProtocolClient.RefusedAsync(server.WebSocketUri, "api-version=1.0&" + parameters);

        Assert.Equal(HttpStatusCode.BadRequest, refusal.Status);
        Assert.Contains(named, refusal.ErrorMessage);
    }

    [Fact]
    public async Task Connect_WithACandidateOnlyPocketSphinxServes_Is400NamingIt()
    {
        // Whisper serves Spanish and French here; English stays PocketSphinx's, which cannot detect.
        using var models = new ContractModelSet()
            .Add("whisper-contract", ModelStage.Asr, ModelFamily.Whisper, ["es", "fr"], dir => WhisperContractModel.Write(dir, "hola mundo", language: "es", merged: true));
        await using var server = await GatewayServer.StartAsync(models.Settings());

        var refusal = await ProtocolClient.RefusedAsync(server.WebSocketUri, "api-version=1.0&from=en-US,es-ES&to=es");

        Assert.Equal(HttpStatusCode.BadRequest, refusal.Status);
        Assert.Equal(
            "from=en-US,es-ES: detecting the spoken language needs one multilingual Whisper model serving every candidate; pocketsphinx serves en-US and cannot detect",
            refusal.ErrorMessage);
    }

    /// <summary>A Whisper serving en and es that hears "hola mundo" in Spanish, and Marian models for en → es and es → en.</summary>
    private static ContractModelSet BilingualModels() => new ContractModelSet()
        .Add("whisper-contract", ModelStage.Asr, ModelFamily.Whisper, ["en", "es"], dir => WhisperContractModel.Write(dir, "hola mundo", language: "es", merged: true))
        .Add("marian-contract", ModelStage.Mt, ModelFamily.Marian, ["en", "es"], dir => Seq2SeqContractModel.WriteMarian(dir, merged: true))
        .Add("marian-contract-es-en", ModelStage.Mt, ModelFamily.Marian, ["es", "en"], dir => Seq2SeqContractModel.WriteMarian(dir, merged: true, spanishToEnglish: true));
}
