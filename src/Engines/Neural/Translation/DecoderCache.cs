using Microsoft.ML.OnnxRuntime;

namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>
/// The self-attention key/value cache of every decoder layer ([rows, heads, length, head_dim]),
/// passed from one step's outputs to the next step's inputs without copying; copied only when beam
/// search reorders rows. The cross-attention cache never changes, and the beams of one sentence share
/// the same source, so it is never reordered.
/// </summary>
internal sealed class DecoderCache : IDisposable
{
    private readonly OrtValue[] _keys;
    private readonly OrtValue[] _values;
    private readonly List<OrtValue> _copies = [];

    /// <param name="outputs">The first step's outputs: logits, then per layer decoder key/value and encoder key/value.</param>
    public DecoderCache(int layers, IReadOnlyList<OrtValue> outputs, int stride)
    {
        _keys = new OrtValue[layers];
        _values = new OrtValue[layers];
        Take(outputs, firstOffset: 1, stride);
    }

    public OrtValue Key(int layer) => _keys[layer];

    public OrtValue Value(int layer) => _values[layer];

    /// <summary>Points at a step's outputs (which the caller keeps alive until the next step has run).</summary>
    public void Take(IReadOnlyList<OrtValue> outputs, int firstOffset, int stride)
    {
        DisposeCopies();
        for (var layer = 0; layer < _keys.Length; layer++)
        {
            _keys[layer] = outputs[firstOffset + (layer * stride)];
            _values[layer] = outputs[firstOffset + (layer * stride) + 1];
        }
    }

    /// <summary>Row r of the next step continues row (r / width) × width + sourceBeam[r].</summary>
    public void Reorder(int[] sourceBeam, int width)
    {
        var identity = true;
        for (var row = 0; row < sourceBeam.Length && identity; row++)
        {
            identity = sourceBeam[row] == row % width;
        }

        if (identity)
        {
            return;
        }

        var copies = new List<OrtValue>(2 * _keys.Length);
        for (var layer = 0; layer < _keys.Length; layer++)
        {
            _keys[layer] = Gathered(_keys[layer], sourceBeam, width, copies);
            _values[layer] = Gathered(_values[layer], sourceBeam, width, copies);
        }

        DisposeCopies();
        _copies.AddRange(copies);
    }

    public void Dispose() => DisposeCopies();

    private static OrtValue Gathered(OrtValue tensor, int[] sourceBeam, int width, List<OrtValue> copies)
    {
        var copy = OrtRows.Gather(tensor, [.. sourceBeam.Select((beam, row) => (row / width * width) + beam)]);
        copies.Add(copy);
        return copy;
    }

    private void DisposeCopies()
    {
        _copies.ForEach(copy => copy.Dispose());
        _copies.Clear();
    }
}
