namespace SpeechCluster.Client;

/// <summary>How <see cref="SpeechTranslationClient.TranslateFileAsync"/> paces a file.</summary>
public sealed class FileStreamingOptions
{
    /// <summary>Send as fast as the server accepts (its backpressure is the only brake) instead of at a
    /// steady pace. Default: false (paced).</summary>
    public bool Fast { get; set; }

    /// <summary>Pace as a multiple of real time when not <see cref="Fast"/>: 1 = real time, 2 = twice as fast.
    /// Default: 1.</summary>
    public double Speed { get; set; } = 1.0;

    /// <summary>Audio per message. Default: 100 ms (3200 bytes), the protocol's recommended chunk.</summary>
    public TimeSpan ChunkDuration { get; set; } = TimeSpan.FromMilliseconds(100);

    internal void Validate()
    {
        if (!(Speed > 0) || double.IsInfinity(Speed))
        {
            throw new ArgumentException("FileStreamingOptions.Speed must be a positive finite number (use Fast for no pacing).");
        }

        if (ChunkDuration < TimeSpan.FromMilliseconds(10) || ChunkDuration > TimeSpan.FromSeconds(10))
        {
            throw new ArgumentException("FileStreamingOptions.ChunkDuration must be between 10 ms and 10 s.");
        }
    }
}
