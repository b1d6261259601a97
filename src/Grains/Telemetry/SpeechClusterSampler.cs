using System.Diagnostics;
using OpenTelemetry.Trace;

namespace SpeechCluster.Grains.Telemetry;

/// <summary>
/// Records conversation and utterance spans, and whatever runs inside a recorded span; drops every
/// other root. Orleans starts an activity for each grain call once anyone listens, and most calls
/// (audio every 100 ms, catalog refreshes) belong to no utterance.
/// </summary>
public sealed class SpeechClusterSampler : Sampler
{
    private static readonly SamplingResult Record = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        var parent = samplingParameters.ParentContext;
        if (parent.TraceId != default && parent.SpanId != default)
        {
            return (parent.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? Record : Drop;
        }

        return samplingParameters.Name is SpeechTracing.UtteranceSpan or SpeechTracing.ConversationSpan ? Record : Drop;
    }
}
