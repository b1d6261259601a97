namespace SpeechCluster.MicroBench;

/// <summary>
/// How much audio one call of the benchmark handles, so that the report can state the cost per
/// second of audio (and so the share of one core that one conversation takes).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class AudioPerOperationAttribute(double milliseconds) : Attribute
{
    public TimeSpan Audio { get; } = TimeSpan.FromMilliseconds(milliseconds);
}
