namespace SpeechCluster.Deploy.Tests;

/// <summary>Paths in this checkout, found from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Deploy => Path.Combine(Root, "deploy");

    public static string K8s => Path.Combine(Deploy, "k8s");

    public static string Docker => Path.Combine(Deploy, "docker");

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SpeechCluster.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("SpeechCluster.sln not found above " + AppContext.BaseDirectory);
    }
}
