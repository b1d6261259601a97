namespace SpeechCluster.EndToEnd.Tests.Infrastructure;

/// <summary>Finds the programs of this checkout in their own build output (same configuration as the tests).</summary>
public static class BuiltPrograms
{
    public static string Cli => Find(Path.Combine("src", "Cli"), "speechcluster.dll");

    public static string Silo => Find(Path.Combine("src", "Silo"), "SpeechCluster.Silo.dll");

    private static string Find(string project, string dll)
    {
        // The tests run from tests/EndToEnd.Tests/bin/<Configuration>/<framework>/.
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SpeechCluster.sln")))
            {
                var path = Path.Combine(dir.FullName, project, "bin", configuration, framework, dll);
                return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built; build the solution first", path);
            }
        }

        throw new DirectoryNotFoundException("SpeechCluster.sln not found above " + AppContext.BaseDirectory);
    }
}
