using Microsoft.ML.OnnxRuntime;

namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// The key/value caches of a batched Whisper decode, one row per decoding row: the self-attention
/// cache, taken from each step's outputs without copying; the cross-attention cache, the first
/// step's for the whole decode (the merged decoder's later steps output it empty); and the encoder
/// states for exports whose decoder with past still reads them. <see cref="Keep"/> drops rows by
/// copying what it keeps. Not thread-safe.
/// </summary>
internal sealed class WhisperDecodeCache : IDisposable
{
    private readonly OrtValue[] _self;
    private readonly OrtValue[] _cross;
    private readonly List<OrtValue> _selfCopies = [];

    // Copies of what stays for the whole decode: the cross-attention cache and the encoder states.
    private readonly List<OrtValue> _fixedCopies = [];

    /// <param name="first">The first step's outputs: logits, then per layer decoder key, value, encoder key, value (kept alive by the caller).</param>
    /// <param name="encoderStates">The encoder's output, when later steps read it; else null.</param>
    public WhisperDecodeCache(int layers, IReadOnlyList<OrtValue> first, OrtValue? encoderStates)
    {
        _self = new OrtValue[2 * layers];
        _cross = new OrtValue[2 * layers];
        for (var layer = 0; layer < layers; layer++)
        {
            _self[2 * layer] = first[1 + 4 * layer];
            _self[2 * layer + 1] = first[2 + 4 * layer];
            _cross[2 * layer] = first[3 + 4 * layer];
            _cross[2 * layer + 1] = first[4 + 4 * layer];
        }

        EncoderStates = encoderStates;
    }

    public OrtValue? EncoderStates { get; private set; }

    /// <summary>Layer <c>index / 2</c>'s self-attention key (even <paramref name="index"/>) or value (odd).</summary>
    public OrtValue Self(int index) => _self[index];

    /// <summary>Layer <c>index / 2</c>'s cross-attention key (even <paramref name="index"/>) or value (odd).</summary>
    public OrtValue Cross(int index) => _cross[index];

    /// <summary>Points at a later step's self-attention presents (logits first, then per layer key and value), kept alive by the caller until the next step has run.</summary>
    public void Take(IReadOnlyList<OrtValue> step)
    {
        Dispose(_selfCopies);
        for (var i = 0; i < _self.Length; i++)
        {
            _self[i] = step[1 + i];
        }
    }

    /// <summary>Keeps only the rows <paramref name="rows"/> (indices of the current rows, in their new order).</summary>
    public void Keep(IReadOnlyList<int> rows)
    {
        var selfCopies = Gathered(_self, rows);
        var crossCopies = Gathered(_cross, rows);
        var statesCopy = EncoderStates is { } states ? OrtRows.Gather(states, rows) : null;
        Dispose(_selfCopies);
        Dispose(_fixedCopies);
        _selfCopies.AddRange(selfCopies);
        _fixedCopies.AddRange(crossCopies);
        if (statesCopy is not null)
        {
            _fixedCopies.Add(statesCopy);
            EncoderStates = statesCopy;
        }
    }

    public void Dispose()
    {
        Dispose(_selfCopies);
        Dispose(_fixedCopies);
    }

    private static List<OrtValue> Gathered(OrtValue[] tensors, IReadOnlyList<int> rows)
    {
        var copies = new List<OrtValue>(tensors.Length);
        for (var i = 0; i < tensors.Length; i++)
        {
            tensors[i] = OrtRows.Gather(tensors[i], rows);
            copies.Add(tensors[i]);
        }

        return copies;
    }

    private static void Dispose(List<OrtValue> values)
    {
        values.ForEach(value => value.Dispose());
        values.Clear();
    }
}
