namespace SpeechCluster.Client;

/// <summary>How much of a file has been sent: <see cref="Sent"/> of <see cref="Total"/> audio time.</summary>
public readonly record struct FileStreamingProgress(TimeSpan Sent, TimeSpan Total);
