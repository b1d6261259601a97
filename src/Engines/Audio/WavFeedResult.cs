namespace SpeechCluster.Engines.Audio;

/// <summary>The outcome of one <see cref="WavStreamParser.Feed"/> call.</summary>
/// <param name="Status">Whether the header is still incomplete, audio flows, or the stream is rejected.</param>
/// <param name="SamplesWritten">Samples appended to the caller's writer by this call.</param>
/// <param name="Reason">
/// For <see cref="WavFeedStatus.Invalid"/>: a short (under 100 bytes) English sentence naming what is
/// wrong, fit for a WebSocket close reason (1003); otherwise null.
/// </param>
public readonly record struct WavFeedResult(WavFeedStatus Status, int SamplesWritten, string? Reason)
{
    public static WavFeedResult NeedMore { get; } = new(WavFeedStatus.NeedMore, 0, null);

    public static WavFeedResult Audio(int samplesWritten) => new(WavFeedStatus.Audio, samplesWritten, null);

    public static WavFeedResult Invalid(string reason) => new(WavFeedStatus.Invalid, 0, reason);
}
