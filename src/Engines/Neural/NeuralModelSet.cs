using System.Globalization;
using Microsoft.Extensions.Logging;
using SpeechCluster.Engines.Neural.Models;
using SpeechCluster.Engines.Recognition;
using SpeechCluster.Engines.Synthesis;
using SpeechCluster.Engines.Translation;

namespace SpeechCluster.Engines.Neural;

/// <summary>
/// The neural engines a silo is configured to load (<see cref="NeuralOptions.Models"/>): each model
/// is checked against the manifest (every file present, whole, with its SHA-256) before anything of
/// it is loaded, so a bad file stops start-up with a message naming it. Owns the engines.
/// </summary>
public sealed partial class NeuralModelSet : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private NeuralModelSet(OnnxSessionFactory? sessions) => Sessions = sessions;

    /// <summary>One per loaded language of each ASR model, best first.</summary>
    public List<ISpeechRecognizer> Recognizers { get; } = [];

    public List<ITranslator> Translators { get; } = [];

    public List<ISpeechSynthesizer> Synthesizers { get; } = [];

    /// <summary>The ids of the models loaded, in the order configured.</summary>
    public List<string> Loaded { get; } = [];

    /// <summary>Where the models run; <c>null</c> when none is configured.</summary>
    public OnnxSessionFactory? Sessions { get; }

    public static NeuralModelSet Empty => new(null);

    /// <param name="checkoutModels">The checkout's <c>models</c> folder, for the defaults of <see cref="NeuralOptions.ModelsDirectory"/> and <see cref="NeuralOptions.Manifest"/>.</param>
    /// <exception cref="ModelFileException">A configured model's file is missing, partial or corrupt.</exception>
    public static NeuralModelSet Load(NeuralOptions options, string? checkoutModels, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        if (options.Models.Count == 0)
        {
            return Empty;
        }

        var directory = options.ModelsDirectory
            ?? (checkoutModels is null ? throw new InvalidOperationException("SpeechCluster:Neural:ModelsDirectory is not set") : Path.Combine(checkoutModels, "neural"));
        var manifestPath = options.Manifest ?? DefaultManifest(directory, checkoutModels);
        var manifest = ModelManifest.Load(manifestPath);
        var entries = options.Models.Select(manifest.Find).ToList();
        // Every file of every model is checked before the first is loaded: a bad file fails in a second, not after minutes of loading.
        foreach (var entry in entries)
        {
            ModelVerifier.Verify(entry, directory);
        }

        var logger = loggers.CreateLogger<NeuralModelSet>();
        var set = new NeuralModelSet(new OnnxSessionFactory(options.Device, loggers.CreateLogger<OnnxSessionFactory>(), options.IntraOpThreads, GpuArenaBytes(options, entries), options.CudaArenaExtension));
        try
        {
            foreach (var entry in entries)
            {
                set.Add(entry, ModelVerifier.FolderOf(directory, entry), options, loggers);
                set.Loaded.Add(entry.Id);
                LogLoaded(logger, entry.Id, entry.Family, string.Join(",", entry.Languages), set.Sessions!.Provider);
            }
        }
        catch
        {
            set.Dispose();
            throw;
        }

        return set;
    }

    /// <summary>The locale a recognizer of <paramref name="language"/> serves: the language's most common region (<c>es</c> → <c>es-ES</c>).</summary>
    public static string LocaleOf(string language)
    {
        try
        {
            var specific = CultureInfo.CreateSpecificCulture(language).Name;
            return specific.Length > 0 ? specific : language;
        }
        catch (CultureNotFoundException)
        {
            return language;
        }
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    private T Own<T>(T engine)
        where T : IDisposable
    {
        _owned.Add(engine);
        return engine;
    }

    private static string DefaultManifest(string directory, string? checkoutModels)
    {
        var local = Path.Combine(directory, "manifest.json");
        return File.Exists(local) || checkoutModels is null ? local : Path.Combine(checkoutModels, "manifest.json");
    }

    private static long GpuArenaBytes(NeuralOptions options, IReadOnlyCollection<ModelEntry> entries) =>
        options.GpuMemoryBudgetMiB <= 0 ? 0 : (long)options.GpuMemoryBudgetMiB * 1024 * 1024 / Math.Max(1, entries.Count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Neural model {Id} ({Family}, {Languages}) loaded on {Provider}")]
    private static partial void LogLoaded(ILogger logger, string id, ModelFamily family, string languages, string provider);
}
