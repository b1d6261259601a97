using System.Diagnostics;
using SpeechCluster.Client;

namespace SpeechCluster.Cli;

/// <summary>One run of <c>translate</c>: connects, streams the file, prints and saves what comes back, sums up.
/// Used once.</summary>
internal sealed class TranslateSession(CliHost host, SpeechTranslationOptions options, bool json, string? ttsDirectory)
{
    private readonly TranslationConsole _output = new(host, json, options.To);
    private readonly TtsFileSaver? _saver = ttsDirectory is null ? null : new TtsFileSaver(ttsDirectory, options.Format);
    private int _finals;
    private TimeSpan _sent;
    private SessionClosed? _closed;

    public async Task<int> RunAsync(string path, FileStreamingOptions streaming, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        var clock = Stopwatch.StartNew();
        await using var client = await SpeechTranslationClient.ConnectAsync(options, cancellationToken: cancellationToken);
        var progress = new InlineProgress(p =>
        {
            _sent = p.Sent;
            _output.Progress(p);
        });
        await _output.ShowWhileAsync(async () =>
        {
            await foreach (var item in client.TranslateFileAsync(path, streaming, progress, cancellationToken))
            {
                await HandleAsync(item, cancellationToken);
            }
        });

        _output.Summary($"{_sent.TotalSeconds:0.0} s of audio sent in {clock.Elapsed.TotalSeconds:0.0} s; {_finals} final(s)"
            + (_saver is null ? "" : $"; {_saver.Saved} audio file(s) in {ttsDirectory}")
            + $"; server closed: {_closed?.ToString() ?? "no close"}");
        return _closed is { IsNormal: false }
            ? CommandRunner.Fail(host, ExitCodes.ServerError, $"the server closed the session with {_closed}")
            : ExitCodes.Ok;
    }

    private async Task HandleAsync(TranslationEvent item, CancellationToken cancellationToken)
    {
        switch (item)
        {
            case TranslationResult { IsFinal: true } final:
                _finals++;
                _output.Final(final);
                break;
            case TranslationResult result:
                _output.Partial(result);
                break;
            case TranslationAudio audio when _saver is not null:
                var file = await _saver.SaveAsync(audio, cancellationToken);
                _output.AudioSaved(audio, file);
                break;
            case Reconnecting reconnecting:
                _output.Notice($"connection lost ({reconnecting.Reason}); reconnecting…");
                break;
            case Reconnected reconnected:
                _output.Notice($"reconnected after {reconnected.Attempts} attempt(s); the session goes on");
                break;
            case UnrecognizedMessage message:
                _output.Unrecognized(message);
                break;
            case SessionClosed end:
                _closed = end;
                break;
        }
    }

    /// <summary>Calls back on the reporting thread; <see cref="Progress{T}"/> would post to the thread pool
    /// and could report after the summary.</summary>
    private sealed class InlineProgress(Action<FileStreamingProgress> report) : IProgress<FileStreamingProgress>
    {
        public void Report(FileStreamingProgress value) => report(value);
    }
}
