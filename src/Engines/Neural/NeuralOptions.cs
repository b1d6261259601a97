namespace SpeechCluster.Engines.Neural;

/// <summary>
/// Which neural models a silo loads and how it runs them. Section <c>SpeechCluster:Neural</c>.
/// With no <see cref="Models"/> the silo runs only the embedded engines.
/// </summary>
public sealed class NeuralOptions
{
    public const string Section = "SpeechCluster:Neural";

    /// <summary>Model ids from the manifest to load, e.g. <c>whisper-base</c>, <c>opus-mt-en-es</c>.</summary>
    public List<string> Models { get; set; } = [];

    /// <summary>Where fetched models lie, one folder per model id. Default: <c>models/neural</c> of the checkout.</summary>
    public string? ModelsDirectory { get; set; }

    /// <summary>The manifest naming each model's files and hashes. Default: <c>manifest.json</c> in <see cref="ModelsDirectory"/>, else the checkout's <c>models/manifest.json</c>.</summary>
    public string? Manifest { get; set; }

    /// <summary><c>Auto</c> (CUDA when it starts, else the CPU), <c>Cpu</c> or <c>Cuda</c>.</summary>
    public OnnxDevice Device { get; set; } = OnnxDevice.Auto;

    /// <summary>Threads one model run may use on the CPU.</summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Beams of translation search; 1 is greedy (fastest).</summary>
    public int BeamWidth { get; set; } = 1;

    /// <summary>How long a model waits for more requests to run them as one batch. At most 10 ms by default.</summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The most requests one batch holds.</summary>
    public int MaxBatchSize { get; set; } = 16;

    /// <summary>Batches of one model that may run at once.</summary>
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>How Whisper models make partials and guard against hallucinations (<c>SpeechCluster:Neural:Whisper</c>).</summary>
    public Whisper.WhisperOptions Whisper { get; set; } = new();

    /// <summary>GPU memory the silo's models may take together, in MiB (0: no limit). Split evenly between their sessions' CUDA arenas.</summary>
    public int GpuMemoryBudgetMiB { get; set; }

    /// <summary>How each session's CUDA arena grows (both rules measured alike with the contract models: bench/results/gpu-contract.md).</summary>
    public CudaArenaExtension CudaArenaExtension { get; set; } = CudaArenaExtension.SameAsRequested;
}
