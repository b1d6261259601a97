using System.Buffers;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Session;

/// <summary>
/// The utterance being spoken: its id, where it starts, its audio so far (kept so that a lost
/// recognizer can be replayed), and how much of it the recognizer has seen. Not thread-safe.
/// </summary>
internal sealed class OpenUtterance(int id, long startSample, IRecognitionGrain recognizer)
{
    private readonly ArrayBufferWriter<short> _audio = new(16 * 1024);
    private int _sent;

    public int Id { get; } = id;

    public long StartSample { get; } = startSample;

    /// <summary>The end of speech plus padding; known once the endpointer ends the utterance.</summary>
    public long EndSample { get; set; }

    public IRecognitionGrain Recognizer { get; } = recognizer;

    /// <summary>When the endpointer decided the utterance was over (a <see cref="TimeProvider"/> timestamp).</summary>
    public long DecidedAt { get; set; }

    public int PartialCount { get; set; }

    public string LastPartial { get; set; } = "";

    public long AudioEnd => StartSample + _audio.WrittenCount;

    public void Append(ReadOnlySpan<short> samples) => _audio.Write(samples);

    /// <summary>The audio the recognizer has not seen yet; marks it as seen.</summary>
    public short[] TakeUnsent()
    {
        var unsent = _audio.WrittenSpan[_sent..].ToArray();
        _sent = _audio.WrittenCount;
        return unsent;
    }
}
