using YamlDotNet.RepresentationModel;

namespace SpeechCluster.Deploy.Tests;

/// <summary>Terse, failing-loudly access to YamlDotNet's node model.</summary>
internal static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> LoadDocuments(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        // A "---" with nothing after it parses as an empty document: not a manifest.
        return stream.Documents
            .Where(d => d.RootNode is not YamlScalarNode { Value: null or "" })
            .Select(d => d.RootNode as YamlMappingNode ?? throw new InvalidDataException($"{path}: a document is not a mapping"))
            .ToList();
    }

    public static YamlNode? Get(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode? MapOrNull(this YamlMappingNode node, string key) => node.Get(key) as YamlMappingNode;

    public static YamlMappingNode Map(this YamlMappingNode node, string key) =>
        node.MapOrNull(key) ?? throw new InvalidDataException($"no mapping '{key}' at line {node.Start.Line}");

    public static string? StrOrNull(this YamlMappingNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static string Str(this YamlMappingNode node, string key) =>
        node.StrOrNull(key) ?? throw new InvalidDataException($"no value '{key}' at line {node.Start.Line}");

    /// <summary>The items of a sequence, none when the key is absent.</summary>
    public static IEnumerable<YamlNode> Seq(this YamlMappingNode node, string key) =>
        node.Get(key) is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<YamlMappingNode> Maps(this YamlMappingNode node, string key) => node.Seq(key).OfType<YamlMappingNode>();

    public static IEnumerable<string> Strings(this YamlMappingNode node, string key) =>
        node.Seq(key).OfType<YamlScalarNode>().Select(s => s.Value ?? "");

    /// <summary>A mapping of scalars (labels, selectors, ConfigMap data) as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> Pairs(this YamlMappingNode? node) =>
        node is null
            ? new Dictionary<string, string>()
            : node.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? "", c => (c.Value as YamlScalarNode)?.Value ?? "");
}
