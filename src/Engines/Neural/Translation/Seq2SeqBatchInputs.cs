using Microsoft.ML.OnnxRuntime;

namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>
/// The tensors of one batch: sentences padded to the longest on the right with a zero attention
/// mask, and for beam search every sentence repeated once per beam (row = sentence × width + beam).
/// </summary>
internal sealed class Seq2SeqBatchInputs(IReadOnlyList<Seq2SeqRequest> requests, int width, long padId)
{
    private readonly int _sourceLength = requests.Max(request => request.SourceIds.Count);

    public int Rows => requests.Count * width;

    public OrtValue SourceIds(bool perSentence) => SourceTensor(perSentence, (request, position) => request.SourceIds[position], padId);

    public OrtValue SourceMask(bool perSentence) => SourceTensor(perSentence, (_, _) => 1L, 0L);

    /// <summary>The decoder's attention mask over the source, one row per beam.</summary>
    public OrtValue EncoderMask() => SourceMask(perSentence: false);

    public OrtValue DecoderPrefix()
    {
        var length = requests[0].DecoderPrefix.Count;
        var data = new long[Rows * length];
        for (var row = 0; row < Rows; row++)
        {
            for (var position = 0; position < length; position++)
            {
                data[(row * length) + position] = requests[row / width].DecoderPrefix[position];
            }
        }

        return OrtValue.CreateTensorValueFromMemory(data, [Rows, length]);
    }

    /// <summary>Copies per-sentence encoder states [sentences, source, d] into one row per beam.</summary>
    public OrtValue RepeatPerBeam(OrtValue states)
    {
        var shape = states.GetTensorTypeAndShape().Shape;
        var rowSize = (int)(shape[1] * shape[2]);
        var source = states.GetTensorDataAsSpan<float>();
        var data = new float[Rows * rowSize];
        for (var row = 0; row < Rows; row++)
        {
            source.Slice(row / width * rowSize, rowSize).CopyTo(data.AsSpan(row * rowSize, rowSize));
        }

        return OrtValue.CreateTensorValueFromMemory(data, [Rows, shape[1], shape[2]]);
    }

    private OrtValue SourceTensor(bool perSentence, Func<Seq2SeqRequest, int, long> value, long padding)
    {
        var repeat = perSentence ? 1 : width;
        var rows = requests.Count * repeat;
        var data = new long[rows * _sourceLength];
        for (var row = 0; row < rows; row++)
        {
            var request = requests[row / repeat];
            for (var position = 0; position < _sourceLength; position++)
            {
                data[(row * _sourceLength) + position] = position < request.SourceIds.Count ? value(request, position) : padding;
            }
        }

        return OrtValue.CreateTensorValueFromMemory(data, [rows, _sourceLength]);
    }
}
