using Microsoft.ML.OnnxRuntime;

namespace SpeechCluster.Engines.Vad;

/// <summary>
/// The buffers one Silero call needs, bound once to an <see cref="OrtIoBinding"/>, so that scoring a
/// frame allocates nothing: the OrtValues wrap pinned managed arrays and ONNX Runtime reads and
/// writes them in place. Not thread-safe: <see cref="SileroVadModel"/> hands each to one caller at a time.
/// </summary>
internal sealed class SileroInferenceScratch : IDisposable
{
    public const int SampleRate = 16000;

    private readonly OrtValue _inputValue;
    private readonly OrtValue _stateInValue;
    private readonly OrtValue _sampleRateValue;
    private readonly OrtValue _outputValue;
    private readonly OrtValue _stateOutValue;

    public SileroInferenceScratch(InferenceSession session, int frameSamples)
    {
        Input = new float[VadStreamState.ContextLength + frameSamples];
        _inputValue = OrtValue.CreateTensorValueFromMemory(Input, [1, Input.Length]);
        _stateInValue = OrtValue.CreateTensorValueFromMemory(StateIn, [2, 1, 128]);
        _sampleRateValue = OrtValue.CreateTensorValueFromMemory(new long[] { SampleRate }, []);
        _outputValue = OrtValue.CreateTensorValueFromMemory(Output, [1, 1]);
        _stateOutValue = OrtValue.CreateTensorValueFromMemory(StateOut, [2, 1, 128]);

        Binding = session.CreateIoBinding();
        Binding.BindInput("input", _inputValue);
        Binding.BindInput("state", _stateInValue);
        Binding.BindInput("sr", _sampleRateValue);
        Binding.BindOutput("output", _outputValue);
        Binding.BindOutput("stateN", _stateOutValue);
    }

    /// <summary>Context (the previous frame's last 64 samples) followed by the new frame.</summary>
    public float[] Input { get; }

    public float[] StateIn { get; } = new float[VadStreamState.StateLength];

    public float[] StateOut { get; } = new float[VadStreamState.StateLength];

    public float[] Output { get; } = new float[1];

    public OrtIoBinding Binding { get; }

    public RunOptions RunOptions { get; } = new();

    public void Dispose()
    {
        Binding.Dispose();
        RunOptions.Dispose();
        _inputValue.Dispose();
        _stateInValue.Dispose();
        _sampleRateValue.Dispose();
        _outputValue.Dispose();
        _stateOutValue.Dispose();
    }
}
