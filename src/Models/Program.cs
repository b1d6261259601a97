using System.CommandLine;
using SpeechCluster.Engines.Neural.Models;

// models/fetch: list, fetch and verify the neural models named in the manifest. Exit codes: 0 done,
// 1 a file could not be fetched or is not the one named, 2 usage (unknown id, unreadable manifest).
var checkout = FindCheckoutModels();
var manifestOption = new Option<string>("--manifest") { Description = "The manifest", DefaultValueFactory = _ => Path.Combine(checkout, "manifest.json") };
var directoryOption = new Option<string>("--dir") { Description = "Where models go, one folder per id (SpeechCluster:Neural:ModelsDirectory)", DefaultValueFactory = _ => Path.Combine(checkout, "neural") };
var ids = new Argument<string[]>("ids") { Description = "Model ids from the manifest", Arity = ArgumentArity.OneOrMore };

var list = new Command("list", "List the models of the manifest and whether each is here and whole") { manifestOption, directoryOption };
list.SetAction(parse => Run(() =>
{
    var manifest = ModelManifest.Load(parse.GetValue(manifestOption)!);
    foreach (var entry in manifest.Models)
    {
        var state = entry.Files.Select(f => ModelVerifier.Check(Path.Combine(ModelVerifier.FolderOf(parse.GetValue(directoryOption)!, entry), f.Path), f)).FirstOrDefault(p => p is not null);
        Console.WriteLine($"{entry.Id,-32} {entry.Stage,-4} {entry.Family,-8} {string.Join(",", entry.Languages),-24} {entry.Licence,-14} {(state is null ? "ready" : "not fetched")}");
    }

    return Task.FromResult(0);
}));

var verify = new Command("verify", "Check that every file of these models is here, whole and the one named") { manifestOption, directoryOption, ids };
verify.SetAction(parse => Run(() =>
{
    var manifest = ModelManifest.Load(parse.GetValue(manifestOption)!);
    foreach (var id in parse.GetValue(ids)!)
    {
        ModelVerifier.Verify(manifest.Find(id), parse.GetValue(directoryOption)!);
        Console.WriteLine($"{id}: every file matches the manifest");
    }

    return Task.FromResult(0);
}));

var fetch = new Command("fetch", "Download these models and verify every file") { manifestOption, directoryOption, ids };
fetch.SetAction((parse, cancellationToken) => Run(async () =>
{
    var manifest = ModelManifest.Load(parse.GetValue(manifestOption)!);
    var entries = parse.GetValue(ids)!.Select(manifest.Find).ToList();
    using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
    http.DefaultRequestHeaders.UserAgent.ParseAdd("speechcluster-models/1.0");
    var fetcher = new ModelFetcher(http, Console.Out);
    foreach (var entry in entries)
    {
        await fetcher.FetchAsync(entry, parse.GetValue(directoryOption)!, cancellationToken);
        Console.WriteLine($"{entry.Id}: ready ({entry.Licence}). Load it with SpeechCluster__Neural__Models__N={entry.Id}");
    }

    return 0;
}));

var root = new RootCommand("Fetch and verify SpeechCluster's neural models (models/manifest.json)") { list, verify, fetch };
return await root.Parse(args).InvokeAsync();

static async Task<int> Run(Func<Task<int>> body)
{
    try
    {
        return await body();
    }
    catch (Exception e) when (e is KeyNotFoundException or InvalidDataException or FileNotFoundException)
    {
        await Console.Error.WriteLineAsync(e.Message);
        return 2;
    }
    catch (Exception e) when (e is ModelFileException or HttpRequestException or IOException)
    {
        await Console.Error.WriteLineAsync(e.Message);
        return 1;
    }
}

// The checkout's models folder, found by walking up from the program (as the silo finds it).
static string FindCheckoutModels()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "models", "manifest.json")))
        {
            return Path.Combine(dir.FullName, "models");
        }
    }

    return Path.Combine(Environment.CurrentDirectory, "models");
}
