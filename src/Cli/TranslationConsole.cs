using System.Text.Json;
using SpeechCluster.Client;

namespace SpeechCluster.Cli;

/// <summary>
/// Prints a session. Human form: finals as <c>[id] recognition</c> plus one <c>  -> lang: translation</c> per
/// target; on a terminal a status line (progress and the current partial) is redrawn in place with a carriage
/// return. JSON form: each server text message as one line, one line per saved audio file, summary on stderr.
/// Thread-safe: progress arrives on the sending task, results on the reading one.
/// </summary>
internal sealed class TranslationConsole(CliHost host, bool json, IList<string> targets)
{
    private readonly Lock _lock = new();
    private readonly bool _live = host.OutputIsTerminal && !json;
    private string _partial = "";
    private string _progress = "";
    private int _shown;

    public void Progress(FileStreamingProgress progress)
    {
        if (_live)
        {
            lock (_lock)
            {
                _progress = $"[{progress.Sent.TotalSeconds:0.0}/{progress.Total.TotalSeconds:0.0} s]";
                DrawStatus();
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
            else if (_live)
            {
                _partial = $"[{result.Id}] {result.Recognition}";
                DrawStatus();
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

            ClearStatus();
            _partial = "";
            host.Out.WriteLine($"[{result.Id}] {result.Recognition}");
            for (var i = 0; i < targets.Count; i++)
            {
                if (result.TranslationFor(targets[i], i == 0) is { } text)
                {
                    host.Out.WriteLine($"  -> {targets[i]}: {text}");
                }
            }

            DrawStatus();
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

            ClearStatus();
            host.Out.WriteLine($"  audio {audio.Language ?? "?"}: {path} ({audio.Data.Length} bytes)");
            DrawStatus();
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
                ClearStatus();
                host.Error.WriteLine($"speechcluster: unexpected message from the server: {message.Text}");
                DrawStatus();
            }
        }
    }

    /// <summary>A note about the connection (reconnecting…): on stderr, so that stdout keeps only results.</summary>
    public void Notice(string text)
    {
        lock (_lock)
        {
            ClearStatus();
            host.Error.WriteLine($"speechcluster: {text}");
            DrawStatus();
        }
    }

    public void Summary(string text)
    {
        lock (_lock)
        {
            ClearStatus();
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

    private void DrawStatus()
    {
        if (!_live)
        {
            return;
        }

        var line = string.Join(' ', new[] { _progress, _partial }.Where(s => s.Length > 0));
        var width = Math.Max(host.TerminalWidth - 1, 10);
        if (line.Length > width)
        {
            // Keep the end: the newest words are the ones that change.
            line = "…" + line[^(width - 1)..];
        }

        host.Out.Write("\r" + line.PadRight(_shown));
        _shown = line.Length;
    }

    private void ClearStatus()
    {
        if (_live && _shown > 0)
        {
            host.Out.Write("\r" + new string(' ', _shown) + "\r");
            _shown = 0;
        }
    }
}
