namespace SpeechCluster.Gateway.Connections;

/// <summary>
/// Keeps a client's audio at most an allowance ahead of real time, counted from its first sample.
/// The receive loop awaits each push to the session, but the session accepts audio as fast as voice
/// detection and partial recognition go (several times real time); final recognition, translation
/// and speech run behind, and the gateway keeps every sample no delivered final covers yet (for
/// failover). A client sending a long file at once would make all of that grow with the file. Live
/// speech cannot be ahead of real time, so a client that is gets its socket read no faster than
/// real time: TCP backpressure slows it, and what is held stays bounded by the allowance. A client
/// that fell behind (a network stall) may catch up at any speed.
/// </summary>
internal sealed class AudioPacer(TimeSpan allowance, TimeProvider time)
{
    private long _start;
    private long _samples;

    /// <summary>Counts samples received; returns how long to wait before reading more (zero when within the allowance).</summary>
    public TimeSpan Received(int samples, int sampleRate)
    {
        var now = time.GetTimestamp();
        if (_samples == 0)
        {
            _start = now;
        }

        _samples += samples;
        var ahead = TimeSpan.FromSeconds(_samples / (double)sampleRate) - time.GetElapsedTime(_start, now);
        return ahead > allowance ? ahead - allowance : TimeSpan.Zero;
    }
}
