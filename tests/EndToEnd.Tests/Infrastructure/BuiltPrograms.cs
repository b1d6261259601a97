namespace SpeechCluster.EndToEnd.Tests.Infrastructure;

/// <summary>Finds the programs of this checkout in their own build output (same configuration as the tests).</summary>
public static class BuiltPrograms
{
    public static string Cli => Find(Path.Combine("src", "Cli"), "speechcluster.dll");

    public static string Silo => Find(Path.Combine("src", "Silo"), "SpeechCluster.Silo.dll");

    /// <summary>The checkout: the folder above the tests' output that holds SpeechCluster.sln.</summary>
    public static DirectoryInfo Repository => FindRepository();

    private static string Find(string project, string dll)
    {
        // The tests run from tests/EndToEnd.Tests/bin/<Configuration>/<framework>/.
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var path = Path.Combine(Repository.FullName, project, "bin", configuration, framework, dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built; build the solution first", path);
    }

    private static DirectoryInfo FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SpeechCluster.sln")))
            {
                return dir;
            }
        }

        throw new DirectoryNotFoundException("SpeechCluster.sln not found above " + AppContext.BaseDirectory);
    }
}
