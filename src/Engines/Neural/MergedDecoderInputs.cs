using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace SpeechCluster.Engines.Neural;

/// <summary>
/// The inputs that optimum's merged decoder (<c>decoder_model_merged.onnx</c>) needs besides those of
/// the split decoders: <c>use_cache_branch</c> (false for the first step, true after) and, on the first
/// step, a <c>past_key_values.*</c> tensor for every cache input although that branch reads none.
/// Like transformers.js, the first step gets them empty: [rows, heads, 0, head_dim].
/// </summary>
/// <remarks>
/// Heads and head size come from each input's metadata, where optimum's exports fix them; when an
/// export leaves them symbolic they come from <c>config.json</c> (<c>decoder_attention_heads</c> and
/// <c>d_model</c>, the keys of Whisper, Marian and M2M100/NLLB), which is read at load so that a
/// missing value fails there, not at the first request.
/// </remarks>
public sealed class MergedDecoderInputs
{
    public const string UseCacheBranch = "use_cache_branch";
    public const string PastPrefix = "past_key_values.";

    private readonly (string Name, TensorElementType Type, long Heads, long HeadSize)[] _pasts;

    private MergedDecoderInputs((string, TensorElementType, long, long)[] pasts) => _pasts = pasts;

    /// <param name="path">The merged file, for messages.</param>
    /// <param name="configPath">config.json beside the export, read only when a cache dimension is symbolic.</param>
    /// <exception cref="InvalidDataException">A cache dimension is symbolic and config.json does not give it.</exception>
    public static MergedDecoderInputs For(InferenceSession session, string path, string configPath)
    {
        ArgumentNullException.ThrowIfNull(session);
        var pasts = new List<(string, TensorElementType, long, long)>();
        (long Heads, long HeadSize)? fromConfig = null;
        foreach (var (name, node) in session.InputMetadata.Where(input => input.Key.StartsWith(PastPrefix, StringComparison.Ordinal)))
        {
            long heads = node.Dimensions[1], headSize = node.Dimensions[3];
            if (heads <= 0 || headSize <= 0)
            {
                fromConfig ??= ReadConfig(configPath, path, name);
                heads = heads > 0 ? heads : fromConfig.Value.Heads;
                headSize = headSize > 0 ? headSize : fromConfig.Value.HeadSize;
            }

            pasts.Add((name, node.ElementDataType, heads, headSize));
        }

        return new MergedDecoderInputs([.. pasts]);
    }

    /// <summary>The <c>use_cache_branch</c> value: a one-element bool tensor.</summary>
    public static OrtValue Branch(bool useCache) => OrtValue.CreateTensorValueFromMemory(new[] { useCache }, [1]);

    /// <summary>Adds the first step's <c>use_cache_branch</c> = false and empty caches; the caller disposes them.</summary>
    public void AddFirstStepInputs(ICollection<string> names, ICollection<OrtValue> values, int rows)
    {
        names.Add(UseCacheBranch);
        values.Add(Branch(useCache: false));
        foreach (var (name, type, heads, headSize) in _pasts)
        {
            names.Add(name);
            values.Add(OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, type, [rows, heads, 0, headSize]));
        }
    }

    private static (long Heads, long HeadSize) ReadConfig(string configPath, string path, string input)
    {
        var problem = $"{path} leaves the heads or head size of {input} symbolic, and {configPath}";
        if (!File.Exists(configPath))
        {
            throw new InvalidDataException($"{problem} (decoder_attention_heads, d_model) is missing.");
        }

        using var config = JsonDocument.Parse(File.ReadAllText(configPath));
        var root = config.RootElement;
        var heads = Number(root, "decoder_attention_heads") ?? Number(root, "num_attention_heads");
        var width = Number(root, "d_model") ?? Number(root, "hidden_size");
        return heads is > 0 && width is > 0 && width % heads == 0
            ? (heads.Value, width.Value / heads.Value)
            : throw new InvalidDataException($"{problem} gives no decoder_attention_heads and d_model.");
    }

    private static long? Number(JsonElement root, string key) =>
        root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
}
