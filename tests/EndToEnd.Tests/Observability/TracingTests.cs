using System.Diagnostics;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Grains.Telemetry;

namespace SpeechCluster.EndToEnd.Tests.Observability;

/// <summary>One utterance of synthesized speech, end to end, seen through its trace and the metrics.</summary>
public sealed class TracingTests(TracedGateway gateway) : IClassFixture<TracedGateway>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task OneUtterance_OneTraceWithEveryStage_NoTranscriptInAttributes()
    {
        var (conversation, final) = await SpeakAsync("i would like a cup of coffee");
        var recognition = final.GetProperty("recognition").GetString()!;
        var translation = final.GetProperty("translation").GetString()!;
        Assert.Contains("coffee", recognition, StringComparison.OrdinalIgnoreCase);

        var utterance = await SingleAsync(s => s.OperationName == SpeechTracing.UtteranceSpan && Tag(s, SpeechTracing.ConversationIdAttribute) == conversation);
        Assert.Equal(ActivityKind.Internal, utterance.Kind);
        Assert.Equal(default, utterance.ParentSpanId);
        Assert.Equal("0", Tag(utterance, SpeechTracing.UtteranceIdAttribute));
        Assert.Equal("published", Tag(utterance, SpeechTracing.OutcomeAttribute));
        Assert.True(utterance.Duration > TimeSpan.Zero);

        var trace = gateway.Spans.Where(s => s.TraceId == utterance.TraceId).ToList();
        var bySpan = trace.ToDictionary(s => s.SpanId);
        foreach (var stage in new[] { SpeechTracing.VadStage, SpeechTracing.RecognitionStage, SpeechTracing.TrueTextStage, SpeechTracing.TranslationStage, SpeechTracing.SynthesisStage })
        {
            var spans = trace.Where(s => s.OperationName == stage && s.Source.Name == SpeechTracing.SessionSourceName).ToList();
            Assert.True(spans.Count > 0, $"no {stage} span in the utterance's trace");
            foreach (var span in spans)
            {
                Assert.True(Descends(span, utterance, bySpan), $"{stage} is not under the utterance");
                Assert.True(span.Duration > TimeSpan.Zero, $"{stage} took no time");
                Assert.Equal("0", Tag(span, SpeechTracing.UtteranceIdAttribute));
                Assert.Equal(conversation, Tag(span, SpeechTracing.ConversationIdAttribute));
            }
        }

        Assert.Equal("es", Tag(trace.Single(s => s.OperationName == SpeechTracing.TranslationStage), SpeechTracing.TargetAttribute));
        Assert.Equal("es", Tag(trace.Single(s => s.OperationName == SpeechTracing.SynthesisStage), SpeechTracing.TargetAttribute));
        Assert.Equal("en-US", Tag(trace.Single(s => s.OperationName == SpeechTracing.RecognitionStage), SpeechTracing.LanguageAttribute));

        // Orleans' activity propagation: the worker calls of a stage are spans under it.
        var translating = trace.Single(s => s.OperationName == SpeechTracing.TranslationStage);
        Assert.Contains(trace, s => s.Source.Name == "Microsoft.Orleans.Application" && Descends(s, translating, bySpan));
        var recognizing = trace.Single(s => s.OperationName == SpeechTracing.RecognitionStage);
        Assert.Contains(trace, s => s.Source.Name == "Microsoft.Orleans.Application" && s.Kind == ActivityKind.Server && Descends(s, recognizing, bySpan));

        // The conversation is a trace of its own; the utterance links to it.
        var connection = await SingleAsync(s => s.OperationName == SpeechTracing.ConversationSpan && Tag(s, SpeechTracing.ConversationIdAttribute) == conversation);
        Assert.NotEqual(connection.TraceId, utterance.TraceId);
        var link = Assert.Single(utterance.Links);
        Assert.Equal(connection.Context.TraceId, link.Context.TraceId);
        Assert.Equal(connection.Context.SpanId, link.Context.SpanId);
        Assert.Equal("1000", Tag(connection, "websocket.close.code"));

        // Nothing the user said, in any span of either trace (IncludeText is off by default).
        foreach (var span in trace.Append(connection))
        {
            foreach (var (key, value) in span.TagObjects)
            {
                var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                Assert.False(text.Contains(recognition, StringComparison.OrdinalIgnoreCase) || text.Contains("coffee", StringComparison.OrdinalIgnoreCase),
                    $"{span.OperationName} {key} = {text}");
                Assert.False(translation.Length > 0 && text.Contains(translation, StringComparison.OrdinalIgnoreCase), $"{span.OperationName} {key} = {text}");
            }
        }
    }

    [Fact]
    public async Task SessionLogs_ScopedWithConversationIdAndTraceId()
    {
        var (conversation, _) = await SpeakAsync("good morning");

        var started = Assert.Single(gateway.Logs.Entries, e => e.Event.Name == "SessionStarted" && Equals(e.Scope.GetValueOrDefault("ConversationId"), conversation));
        Assert.Equal("SpeechCluster.Grains.Session.SessionGrain", started.Category);
        Assert.Matches("^[0-9a-f]{32}$", Convert.ToString(started.Scope["TraceId"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Scope.Values.Any(v => v is string s && s.Contains(GatewayServer.Key, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Metrics_AfterAnUtterance_StageAndEndToEndLatencyHistograms()
    {
        await SpeakAsync("where is the train station");

        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri(gateway.Server.HttpUri, "/metrics"));

        Assert.Contains("speechcluster_session_endpoint_to_final_milliseconds_bucket", metrics);
        Assert.Contains("speechcluster_session_final_to_audio_milliseconds_bucket", metrics);
        foreach (var stage in new[] { "recognition", "truetext", "translation", "synthesis" })
        {
            Assert.Matches($"speechcluster_session_stage_duration_milliseconds_count\\{{[^}}]*stage=\"{stage}\"[^}}]*\\}} [1-9]", metrics);
        }

        // The runtime's meters, which the benchmark reads memory per conversation from.
        Assert.Matches("dotnet_gc_last_collection_heap_size_bytes\\{[^}]*gc_heap_generation=\"gen2\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("dotnet_process_memory_working_set_bytes\\{[^}]*\\} [1-9]", metrics);
    }

    /// <summary>One sentence with speech and Spanish; returns the conversation id and the final.</summary>
    private async Task<(string Conversation, System.Text.Json.JsonElement Final)> SpeakAsync(string sentence)
    {
        var speech = Speech.Sentences(sentence);
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri,
            "api-version=1.0&from=en-US&to=es&features=TextToSpeech");
        await client.SendAsync(WavHeaders.Standard());
        await client.SendAudioAsync(speech.Samples);
        await client.WaitForFinalsAsync(1, Patience);
        await client.CloseAndDrainAsync(Patience);
        Assert.Single(client.Audio);
        return (client.ResponseHeaders["X-ConversationId"].Single(), Assert.Single(client.Finals));
    }

    /// <summary>The one span that matches, once it has ended (an utterance ends just after its speech goes out).</summary>
    private async Task<Activity> SingleAsync(Func<Activity, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!gateway.Spans.Any(match) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return Assert.Single(gateway.Spans, s => match(s));
    }

    private static bool Descends(Activity span, Activity ancestor, Dictionary<ActivitySpanId, Activity> trace)
    {
        for (var parent = span.ParentSpanId; parent != default; parent = trace.TryGetValue(parent, out var next) ? next.ParentSpanId : default)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Tag(Activity span, string key) =>
        Convert.ToString(span.GetTagItem(key), System.Globalization.CultureInfo.InvariantCulture);
}
