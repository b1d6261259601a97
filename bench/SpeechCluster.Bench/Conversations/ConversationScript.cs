namespace SpeechCluster.Bench.Conversations;

/// <summary>What one simulated speaker says: clips of speech and stretches of silence, in order.</summary>
internal sealed class ConversationScript
{
    private readonly List<(Clip? Clip, int Samples)> _segments = [];

    public IReadOnlyList<(Clip? Clip, int Samples)> Segments => _segments;

    public ConversationScript Say(Clip clip)
    {
        _segments.Add((clip, clip.Samples.Length));
        return this;
    }

    public ConversationScript Pause(TimeSpan silence)
    {
        _segments.Add((null, (int)(silence.TotalSeconds * 16000)));
        return this;
    }

    /// <summary>The whole stream of 16 kHz samples, and where each clip lies in it.</summary>
    public (short[] Audio, IReadOnlyList<(Clip Clip, long Start)> Clips) Render()
    {
        var audio = new short[_segments.Sum(s => s.Samples)];
        var clips = new List<(Clip, long)>();
        var position = 0;
        foreach (var (clip, samples) in _segments)
        {
            if (clip is not null)
            {
                clip.Samples.CopyTo(audio, position);
                clips.Add((clip, position));
            }

            position += samples;
        }

        return (audio, clips);
    }
}
