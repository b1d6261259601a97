using System.Diagnostics;
using OpenTelemetry.Trace;
using SpeechCluster.Grains.Telemetry;

namespace SpeechCluster.Grains.Tests;

/// <summary>The session's span helpers and the sampler, with a listener that records every session span.</summary>
public sealed class SpeechTracingTests : IDisposable
{
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == SpeechTracing.SessionSourceName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public SpeechTracingTests() => ActivitySource.AddActivityListener(_listener);

    public void Dispose() => _listener.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Stages_UnderTheUtterance_TextOnlyWhenAskedFor(bool includeText)
    {
        var conversation = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var trace = SpeechTracing.StartUtterance("c1", 7, "en-US", conversation, includeText);
        var utterance = trace.Activity!;
        Assert.Null(Activity.Current);
        trace.Endpointed(500, 2500);

        Activity translation;
        Activity nested;
        using (var stage = trace.Stage(SpeechTracing.TranslationStage, "en", "es"))
        {
            translation = stage.Span!;
            using var tidy = trace.Stage(SpeechTracing.TrueTextStage, "es");
            nested = tidy.Span!;
            trace.Text(translation, "una taza de café");
        }

        trace.End("published");

        Assert.Equal(default, utterance.ParentSpanId);
        Assert.Equal(conversation.SpanId, Assert.Single(utterance.Links).Context.SpanId);
        Assert.True(utterance.IsStopped);
        Assert.Equal("published", utterance.GetTagItem(SpeechTracing.OutcomeAttribute));
        Assert.Equal(2000L, utterance.GetTagItem("speechcluster.audio.duration_ms"));
        Assert.Equal(utterance.SpanId, translation.ParentSpanId);
        Assert.Equal(translation.SpanId, nested.ParentSpanId);
        Assert.Equal(7, translation.GetTagItem(SpeechTracing.UtteranceIdAttribute));
        Assert.Equal("c1", nested.GetTagItem(SpeechTracing.ConversationIdAttribute));
        Assert.Equal("es", translation.GetTagItem(SpeechTracing.TargetAttribute));
        Assert.Equal(16, translation.GetTagItem("speechcluster.text.length"));
        Assert.Equal(includeText ? "una taza de café" : null, translation.GetTagItem(SpeechTracing.TextAttribute));
    }

    [Fact]
    public void End_Twice_KeepsTheFirstOutcome()
    {
        var trace = SpeechTracing.StartUtterance("c2", 0, "en-US", default, includeText: false);
        trace.End("abandoned");
        trace.End("failed");

        Assert.Empty(trace.Activity!.Links);
        Assert.Equal("abandoned", trace.Activity.GetTagItem(SpeechTracing.OutcomeAttribute));
    }

    [Fact]
    public void Untraced_StagesHaveNoSpan()
    {
        using var stage = UtteranceTrace.Untraced.Stage(SpeechTracing.RecognitionStage);

        Assert.Null(stage.Span);
        Assert.Null(UtteranceTrace.Untraced.Activity);
    }

    [Theory]
    [InlineData(SpeechTracing.UtteranceSpan, null, true)]
    [InlineData(SpeechTracing.ConversationSpan, null, true)]
    [InlineData("ISessionGrain/PushAudioAsync", null, false)]
    [InlineData("ITranslationGrain/TranslateAsync", ActivityTraceFlags.Recorded, true)]
    [InlineData("ISessionGrain/PushAudioAsync", ActivityTraceFlags.None, false)]
    public void Sampler_RootsOnlyAtConversationsAndUtterances(string name, ActivityTraceFlags? parent, bool recorded)
    {
        var context = parent is { } flags ? new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), flags) : default;
        var result = new SpeechClusterSampler().ShouldSample(new SamplingParameters(context, ActivityTraceId.CreateRandom(), name, ActivityKind.Client));

        Assert.Equal(recorded ? SamplingDecision.RecordAndSample : SamplingDecision.Drop, result.Decision);
    }

    [Theory]
    [InlineData("acme/3f2a", "3f2a")]
    [InlineData("acme/a/b", "a/b")]
    [InlineData("bare", "bare")]
    public void ConversationId_IsTheKeyWithoutItsTenant(string key, string conversation) =>
        Assert.Equal(conversation, ConversationLogScope.ConversationId(key));
}
