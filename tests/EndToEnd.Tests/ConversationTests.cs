using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>Whole conversations over real sockets with the real engines: the PROTOCOL.md must-haves.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ConversationTests(SharedGateway gateway)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task FliteSentences_AllFeatures_PartialsFinalsSpanishAndSpeechInOrder()
    {
        var speech = Speech.Sentences("i would like a cup of coffee", "the weather is very nice today");
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri,
            "api-version=1.0&from=en-US&to=es&features=Partial,TextToSpeech,TimingInfo");

        await client.SendAsync(WavHeaders.NAudio());
        await client.SendAudioAsync(speech.Samples);
        await client.WaitForFinalsAsync(2, Patience);
        await client.CloseAndDrainAsync(Patience);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        var finals = client.Finals.ToList();
        Assert.Equal(["0", "1"], finals.Select(f => f.GetProperty("id").GetString()));
        for (var i = 0; i < finals.Count; i++)
        {
            var recognition = finals[i].GetProperty("recognition").GetString()!;
            Assert.True(WordErrorRate.Compute(speech.Sentences[i].Text, recognition) <= 0.2, $"'{recognition}' for '{speech.Sentences[i].Text}'");
            Assert.False(string.IsNullOrWhiteSpace(finals[i].GetProperty("translation").GetString()));
        }

        var coffee = finals[0].GetProperty("translation").GetString()!;
        Assert.True(coffee.Contains("café") || coffee.Contains("taza"), coffee);
        Assert.NotEmpty(client.Partials);
        AssertMessageShapes(client, timing: true);
        AssertOrder(client);
        AssertTiming(finals, speech);
        Assert.Equal(2, client.Audio.Count());
        foreach (var audio in client.Audio)
        {
            AssertWav(audio, expectedRate: 24000);
        }
    }

    [Fact]
    public async Task LibriVoxRecordings_WholeFilesInLargeChunks_RecognizedAndTranslated()
    {
        var pairs = new List<(string, string)>();
        foreach (var recording in TestSpeech.LibriVox)
        {
            await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, "api-version=1.0&from=en-US&to=es");
            // As the official C# sample: the whole file, header and all, in 32000-byte messages, then zeros.
            var file = File.ReadAllBytes(recording.Path).Concat(new byte[64000]).ToArray();
            foreach (var chunk in file.Chunk(32000))
            {
                await client.SendAsync(chunk);
            }

            await client.WaitForFinalsAsync(1, Patience);
            await client.CloseAndDrainAsync(Patience);
            var finals = client.Finals.ToList();
            Assert.NotEmpty(finals);
            Assert.All(finals, f => Assert.False(f.TryGetProperty("audioTimeOffset", out _)));
            pairs.Add((recording.Transcript, string.Join(' ', finals.Select(f => f.GetProperty("recognition").GetString()))));
            Assert.All(finals, f => Assert.NotEqual("", f.GetProperty("translation").GetString()));
        }

        Assert.Equal(5, pairs.Count);
        var wer = WordErrorRate.Compute(pairs);
        Assert.True(wer <= 0.40, $"WER {wer:P1}: {string.Join(" | ", pairs.Select(p => p.Item2))}");
    }

    [Fact]
    public async Task ClientCloses_RightAfterSpeech_FinalStillArrivesBeforeServerClose()
    {
        var speech = Speech.Sentences(100, "i would like a cup of coffee");
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, "api-version=1.0&from=en-US&to=es");

        await client.SendAsync(WavHeaders.Standard());
        await client.SendAudioAsync(speech.Samples);
        await client.CloseAndDrainAsync(Patience);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        var final = Assert.Single(client.Finals);
        Assert.True(WordErrorRate.Compute(speech.Sentences[0].Text, final.GetProperty("recognition").GetString()!) <= 0.2);
    }

    [Fact]
    public async Task FlushMessage_SpeechWithoutPause_FinalisesAtOnce()
    {
        var spoken = TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("hello world"));
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, "api-version=1.0&from=en-US&to=es");

        await client.SendAsync(WavHeaders.Standard());
        await client.SendAudioAsync(spoken);
        await client.SendTextAsync("""{"type":"flush"}""");
        await client.WaitForFinalsAsync(1, Patience);

        var final = Assert.Single(client.Finals);
        Assert.Equal("0", final.GetProperty("id").GetString());
        Assert.Contains("hello", final.GetProperty("recognition").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Null(client.CloseStatus);
    }

    [Fact]
    public async Task SeveralTargets_TranslationsMapAndOneSegmentPerTargetInOrder()
    {
        var speech = Speech.Sentences("where is the train station");
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri,
            "api-version=1.0&from=en-US&to=es,fr&features=texttospeech&format=audio/wav16kHz");

        await client.SendAsync(WavHeaders.Standard());
        await client.SendAudioAsync(speech.Samples);
        await client.CloseAndDrainAsync(Patience);

        var final = Assert.Single(client.Finals);
        var translations = final.GetProperty("translations");
        Assert.Equal(final.GetProperty("translation").GetString(), translations.GetProperty("es").GetString());
        Assert.False(string.IsNullOrEmpty(translations.GetProperty("fr").GetString()));
        Assert.NotEqual(translations.GetProperty("es").GetString(), translations.GetProperty("fr").GetString());
        // TrueText's Spanish pass opens questions with "¿", which Apertium never writes.
        Assert.StartsWith("¿", translations.GetProperty("es").GetString());
        Assert.EndsWith("?", final.GetProperty("recognition").GetString());
        var audio = client.Audio.ToList();
        Assert.Equal(2, audio.Count);
        Assert.All(audio, a => AssertWav(a, expectedRate: 16000));
    }

    [Fact]
    public async Task Mp3Format_SpokenTranslationIsMp3()
    {
        var speech = Speech.Sentences("hello world");
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri,
            "api-version=1.0&from=en-US&to=es&features=TextToSpeech&format=audio/mp3");

        await client.SendAsync(WavHeaders.Standard());
        await client.SendAudioAsync(speech.Samples);
        await client.CloseAndDrainAsync(Patience);

        var audio = Assert.Single(client.Audio);
        var startsWithId3 = audio.AsSpan(0, 3).SequenceEqual("ID3"u8);
        var startsWithFrameSync = audio[0] == 0xFF && (audio[1] & 0xE0) == 0xE0;
        Assert.True(startsWithId3 || startsWithFrameSync, "not an MP3 stream");
        Assert.True(audio.Length > 1000);
    }

    public static TheoryData<string> HeaderShapes => ["44 alone", "46 alone", "LIST glued", "split at 7", "split at 30", "real sizes"];

    [Theory]
    [MemberData(nameof(HeaderShapes))]
    public async Task HeaderShapesRealClientsSend_AllRecognized(string shape)
    {
        var pcm = TestSpeech.ToBytes(Speech.Sentences("hello world").Samples);
        byte[][] messages = shape switch
        {
            "44 alone" => [WavHeaders.Standard(), pcm],
            "46 alone" => [WavHeaders.NAudio(), pcm],
            "LIST glued" => [[.. WavHeaders.WithList(), .. pcm]],
            "split at 7" => [WavHeaders.NAudio()[..7], [.. WavHeaders.NAudio()[7..], .. pcm]],
            "split at 30" => [WavHeaders.WithList()[..30], WavHeaders.WithList()[30..], pcm],
            _ => [[.. WavHeaders.Standard(dataSize: (uint)pcm.Length), .. pcm]],
        };
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, "api-version=1.0&from=en-US&to=es");

        foreach (var message in messages)
        {
            foreach (var chunk in message.Chunk(32000))
            {
                await client.SendAsync(chunk);
            }
        }

        await client.CloseAndDrainAsync(Patience);

        var final = Assert.Single(client.Finals);
        Assert.Contains("hello", final.GetProperty("recognition").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertMessageShapes(ProtocolClient client, bool timing)
    {
        foreach (var message in client.Messages.Where(m => m.IsText))
        {
            Assert.True(message.Data.Length < 1024, $"message of {message.Data.Length} bytes");
            var names = message.Json.EnumerateObject().Select(p => p.Name).ToList();
            string[] expected = timing
                ? ["type", "id", "recognition", "translation", "audioTimeOffset", "audioTimeSize", "audioStreamPosition", "audioSizeBytes"]
                : ["type", "id", "recognition", "translation"];
            Assert.Equal(expected, names);
            Assert.Contains(message.Json.GetProperty("type").GetString(), new[] { "partial", "final" });
        }
    }

    /// <summary>Partials "n.k" of utterance n come before final "n"; then its audio; ids count up from 0.</summary>
    private static void AssertOrder(ProtocolClient client)
    {
        var nextUtterance = 0;
        var lastMinor = 0;
        var audioOwed = false;
        foreach (var message in client.Messages)
        {
            if (!message.IsText)
            {
                Assert.True(audioOwed, "audio that follows no final");
                audioOwed = false;
                continue;
            }

            var id = message.Json.GetProperty("id").GetString()!;
            if (message.Json.GetProperty("type").GetString() == "partial")
            {
                var parts = id.Split('.');
                Assert.Equal(nextUtterance, int.Parse(parts[0]));
                Assert.True(int.Parse(parts[1]) > lastMinor, $"partial {id} after minor {lastMinor}");
                lastMinor = int.Parse(parts[1]);
            }
            else
            {
                Assert.Equal(nextUtterance.ToString(), id);
                nextUtterance++;
                lastMinor = 0;
                audioOwed = true;
            }
        }
    }

    private static void AssertTiming(List<JsonElement> finals, Speech.Conversation speech)
    {
        for (var i = 0; i < finals.Count; i++)
        {
            var offset = finals[i].GetProperty("audioTimeOffset").GetInt64();
            var size = finals[i].GetProperty("audioTimeSize").GetInt64();
            var position = finals[i].GetProperty("audioStreamPosition").GetInt64();
            var bytes = finals[i].GetProperty("audioSizeBytes").GetInt64();
            var (_, start, end) = speech.Sentences[i];
            // Ticks are 100 ns; 16 kHz PCM is 32 bytes per millisecond.
            Assert.InRange(offset / 10_000.0, (start / 16.0) - 400, (start / 16.0) + 100);
            Assert.InRange((offset + size) / 10_000.0, (end / 16.0) - 100, (end / 16.0) + 600);
            Assert.Equal(offset * 2, position * 625);
            Assert.Equal(size * 2, bytes * 625);
        }
    }

    private static void AssertWav(byte[] audio, int expectedRate)
    {
        Assert.Equal("RIFF", Encoding.ASCII.GetString(audio, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(audio, 8, 4));
        Assert.Equal(audio.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(audio.AsSpan(4)));
        Assert.Equal(16, BinaryPrimitives.ReadInt32LittleEndian(audio.AsSpan(16)));
        Assert.Equal(expectedRate, BinaryPrimitives.ReadInt32LittleEndian(audio.AsSpan(24)));
        Assert.Equal("data", Encoding.ASCII.GetString(audio, 36, 4));
        var dataBytes = BinaryPrimitives.ReadInt32LittleEndian(audio.AsSpan(40));
        Assert.Equal(audio.Length - 44, dataBytes);
        var seconds = dataBytes / 2.0 / expectedRate;
        Assert.InRange(seconds, 0.4, 10);
    }
}
