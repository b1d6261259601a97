namespace SpeechCluster.Engines.Neural;

/// <summary>Where neural models run. <see cref="Auto"/> tries CUDA and falls back to the CPU.</summary>
public enum OnnxDevice
{
    Auto,
    Cpu,
    Cuda,
}
