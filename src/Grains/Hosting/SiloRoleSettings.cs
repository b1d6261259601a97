namespace SpeechCluster.Grains.Hosting;

/// <summary>What a silo runs. Section <c>SpeechCluster:Silo</c>.</summary>
public sealed class SiloRoleSettings
{
    public const string Section = "SpeechCluster:Silo";

    /// <summary>
    /// Engines this silo loads and advertises, comma-separated from <c>vad</c>, <c>asr</c>,
    /// <c>truetext</c>, <c>mt</c>, <c>tts</c>. Worker grains are placed only on silos that
    /// advertise their engine; a silo with none hosts conversations (session grains) only.
    /// Default: all of them.
    /// </summary>
    public string Engines { get; set; } = string.Join(',', EngineNames.All);

    /// <summary>Whether this silo has a GPU (advertised for placement of neural engines). Default: false.</summary>
    public bool Gpu { get; set; }

    public IReadOnlySet<string> EngineSet => Engines
        .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(e => e.ToLowerInvariant())
        .ToHashSet();
}

/// <summary>The engine kinds silos advertise and worker grains require.</summary>
public static class EngineNames
{
    public const string Vad = "vad";
    public const string Asr = "asr";
    public const string TrueText = "truetext";
    public const string Mt = "mt";
    public const string Tts = "tts";

    public static IReadOnlyList<string> All { get; } = [Vad, Asr, TrueText, Mt, Tts];
}
