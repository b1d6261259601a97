using Polly;
using Polly.Retry;

namespace SpeechCluster.Engines.Neural.Models;

/// <summary>
/// Downloads a model's files into its folder and verifies each against the manifest before it
/// takes its final name, so a folder never holds a file that is partial or not the one named.
/// Files already there and correct are kept. Network failures are retried a few times.
/// </summary>
public sealed class ModelFetcher(HttpClient http, TextWriter progress)
{
    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            // A 404 or 403 will not mend by asking again; a dropped connection or a 5xx may.
            ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(e => e.StatusCode is null || (int)e.StatusCode >= 500).Handle<IOException>(),
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromSeconds(2),
        })
        .Build();

    /// <exception cref="ModelFileException">A downloaded file is not the one the manifest names (it is deleted).</exception>
    public async Task FetchAsync(ModelEntry entry, string modelsDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var folder = ModelVerifier.FolderOf(modelsDirectory, entry);
        foreach (var file in entry.Files)
        {
            var path = Path.Combine(folder, file.Path);
            if (ModelVerifier.Check(path, file) is null)
            {
                await progress.WriteLineAsync($"{entry.Id}: {file.Path} is already there");
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var partial = path + ".partial";
            await progress.WriteLineAsync($"{entry.Id}: {file.Path} <- {file.Url}");
            await _retry.ExecuteAsync(async token => await DownloadAsync(file.Url, partial, token), cancellationToken);
            if (ModelVerifier.Check(partial, file) is { } problem)
            {
                File.Delete(partial);
                throw new ModelFileException($"model '{entry.Id}': the download of {file.Path} from {file.Url} {problem}");
            }

            File.Move(partial, path, overwrite: true);
        }
    }

    private async Task DownloadAsync(string url, string target, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var destination = File.Create(target);
        await source.CopyToAsync(destination, cancellationToken);
    }
}
