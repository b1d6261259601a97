using System.Text.RegularExpressions;

namespace SpeechCluster.Deploy.Tests;

/// <summary>A Dockerfile's instructions (continuations joined, comments dropped): enough to check paths.</summary>
internal sealed partial record Dockerfile(string Name, IReadOnlyList<(string Keyword, string Arguments)> Instructions)
{
    public static IReadOnlyList<string> Names => ["gateway.Dockerfile", "silo-cpu.Dockerfile", "silo-gpu.Dockerfile"];

    public static Dockerfile Load(string name)
    {
        var instructions = new List<(string, string)>();
        var pending = "";
        foreach (var raw in File.ReadAllLines(Path.Combine(Repository.Docker, name)))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            pending += " " + line.TrimEnd('\\');
            if (!line.EndsWith('\\'))
            {
                var text = pending.Trim();
                var space = text.IndexOf(' ');
                instructions.Add((text[..space].ToUpperInvariant(), text[(space + 1)..].Trim()));
                pending = "";
            }
        }

        return new Dockerfile(name, instructions);
    }

    public IEnumerable<string> Arguments(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    /// <summary>Sources of COPY instructions that read the build context (not another stage).</summary>
    public IEnumerable<string> ContextSources => Arguments("COPY")
        .Select(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Where(words => !words.Any(w => w.StartsWith("--from=", StringComparison.Ordinal)))
        .SelectMany(words => words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).SkipLast(1));

    /// <summary>Projects named by <c>dotnet restore</c> and <c>dotnet publish</c>.</summary>
    public IEnumerable<string> DotnetProjects => Arguments("RUN").SelectMany(r => DotnetProject().Matches(r)).Select(m => m.Groups[1].Value);

    /// <summary>Names set by ENV (the KEY=value form).</summary>
    public IEnumerable<string> EnvironmentNames => Arguments("ENV").SelectMany(a => EnvName().Matches(a)).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"dotnet (?:restore|publish) (\S+)")]
    private static partial Regex DotnetProject();

    [GeneratedRegex(@"(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex EnvName();
}

/// <summary>The patterns of the repository's .dockerignore, as Docker matches them (enough of it).</summary>
internal static class DockerIgnore
{
    public static IReadOnlyList<string> Patterns => File.ReadAllLines(Path.Combine(Repository.Root, ".dockerignore"))
        .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    /// <summary>Whether the path, or a folder above it, is excluded.</summary>
    public static bool Excludes(string path)
    {
        var trimmed = path.TrimEnd('/');
        var candidates = new List<string>();
        for (var p = trimmed; p.Length > 0; p = p.Contains('/') ? p[..p.LastIndexOf('/')] : "")
        {
            candidates.Add(p);
        }

        return Patterns.Any(pattern => candidates.Any(c => Regex.IsMatch(c, "^" + ToRegex(pattern) + "$")));
    }

    private static string ToRegex(string pattern) => Regex.Escape(pattern)
        .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
        .Replace(@"\*", "[^/]*", StringComparison.Ordinal);
}
