namespace SpeechCluster.Engines.Neural;

/// <summary>
/// How a session's CUDA memory arena grows when it needs more (ONNX Runtime's
/// <c>arena_extend_strategy</c>). <see cref="NextPowerOfTwo"/> reserves ever larger chunks, which
/// saves allocations but keeps memory that is seldom used again; <see cref="SameAsRequested"/>
/// reserves what a run asks for.
/// </summary>
public enum CudaArenaExtension
{
    NextPowerOfTwo,
    SameAsRequested,
}
