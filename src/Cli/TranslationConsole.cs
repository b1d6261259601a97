using System.Text.Json;
using SpeechCluster.Client;

namespace SpeechCluster.Cli;

/// <summary>
/// Prints a session. Human form: finals as <c>[id] recognition</c> plus one <c>  -> lang: translation</c> per
/// target; on a terminal they appear above a live progress bar (<see cref="FileProgressDisplay"/>) showing the
/// seconds sent and the current partial, and notes about the connection go there too (writing to stderr under
/// a live display would tear it). JSON form: each server text message as one line, one line per saved audio
/// file, summary on stderr. Thread-safe: progress arrives on the sending task, results on the reading one.
/// </summary>
internal sealed class TranslationConsole(CliHost host, bool json, IList<string> targets)
{
    private readonly Lock _lock = new();
    private readonly FileProgressDisplay? _live = host.OutputIsTerminal && !json ? new FileProgressDisplay(host.CreateTerminal()) : null;

    /// <summary>Runs the session's work, under the live display on a terminal; the display is gone when this
    /// ends, so the summary and any error print below the finals.</summary>
    public Task ShowWhileAsync(Func<Task> work) => _live?.RunAsync(work) ?? work();

    public void Progress(FileStreamingProgress progress)
    {
        if (_live is not null)
        {
            lock (_lock)
            {
                _live.Sent(progress.Sent, progress.Total);
            }
        }
    }

    public void Partial(TranslationResult result)
    {
        lock (_lock)
        {
            if (json)
            {
                WriteJsonLine(result.Json);
            }
            else
            {
                _live?.Partial($"[{result.Id}] {result.Recognition}");
            }
        }
    }

    public void Final(TranslationResult result)
    {
        lock (_lock)
        {
            if (json)
            {
                WriteJsonLine(result.Json);
                return;
            }

            _live?.Partial("");
            WriteLine($"[{result.Id}] {result.Recognition}", host.Out);
            for (var i = 0; i < targets.Count; i++)
            {
                if (result.TranslationFor(targets[i], i == 0) is { } text)
                {
                    WriteLine($"  -> {targets[i]}: {text}", host.Out);
                }
            }
        }
    }

    public void AudioSaved(TranslationAudio audio, string path)
    {
        lock (_lock)
        {
            if (json)
            {
                host.Out.WriteLine(JsonSerializer.Serialize(new { type = "audio", id = audio.ResultId, language = audio.Language, path, bytes = audio.Data.Length }));
                return;
            }

            WriteLine($"  audio {audio.Language ?? "?"}: {path} ({audio.Data.Length} bytes)", host.Out);
        }
    }

    public void Unrecognized(UnrecognizedMessage message)
    {
        lock (_lock)
        {
            if (json)
            {
                WriteJsonLine(message.Text);
            }
            else
            {
                WriteLine($"speechcluster: unexpected message from the server: {message.Text}", host.Error);
            }
        }
    }

    /// <summary>A note about the connection (reconnecting…): on stderr, so that stdout keeps only results, or
    /// above the live display.</summary>
    public void Notice(string text)
    {
        lock (_lock)
        {
            WriteLine($"speechcluster: {text}", host.Error);
        }
    }

    /// <summary>Called after <see cref="ShowWhileAsync"/> has ended.</summary>
    public void Summary(string text)
    {
        lock (_lock)
        {
            (json ? host.Error : host.Out).WriteLine(text);
        }
    }

    /// <summary>Server messages are single-line JSON; a multi-line one is re-serialized compactly to keep one
    /// message per line, and a non-JSON one is written as a JSON string.</summary>
    private void WriteJsonLine(string text)
    {
        if (text.Contains('\n') || text.Contains('\r'))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                text = JsonSerializer.Serialize(document.RootElement);
            }
            catch (JsonException)
            {
                text = JsonSerializer.Serialize(text);
            }
        }

        host.Out.WriteLine(text);
    }

    /// <summary>Above the live display when there is one, else to <paramref name="writer"/>.</summary>
    private void WriteLine(string line, TextWriter writer)
    {
        if (_live is not null)
        {
            _live.WriteLine(line);
        }
        else
        {
            writer.WriteLine(line);
        }
    }
}
