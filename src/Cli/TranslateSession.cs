using System.Diagnostics;
using SpeechCluster.Client;

namespace SpeechCluster.Cli;

/// <summary>One run of <c>translate</c>: connects, streams the file, prints and saves what comes back, sums up.</summary>
internal sealed class TranslateSession(CliHost host, SpeechTranslationOptions options, bool json, string? ttsDirectory)
{
    public async Task<int> RunAsync(string path, FileStreamingOptions streaming, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        var output = new TranslationConsole(host, json, options.To);
        var saver = ttsDirectory is null ? null : new TtsFileSaver(ttsDirectory, options.Format);
        var clock = Stopwatch.StartNew();
        var finals = 0;
        var sent = TimeSpan.Zero;
        SessionClosed? closed = null;

        await using var client = await SpeechTranslationClient.ConnectAsync(options, cancellationToken: cancellationToken);
        var progress = new InlineProgress(p =>
        {
            sent = p.Sent;
            output.Progress(p);
        });
        await foreach (var item in client.TranslateFileAsync(path, streaming, progress, cancellationToken))
        {
            switch (item)
            {
                case TranslationResult { IsFinal: true } final:
                    finals++;
                    output.Final(final);
                    break;
                case TranslationResult result:
                    output.Partial(result);
                    break;
                case TranslationAudio audio when saver is not null:
                    var file = await saver.SaveAsync(audio, cancellationToken);
                    output.AudioSaved(audio, file);
                    break;
                case Reconnecting reconnecting:
                    output.Notice($"connection lost ({reconnecting.Reason}); reconnecting…");
                    break;
                case Reconnected reconnected:
                    output.Notice($"reconnected after {reconnected.Attempts} attempt(s); the session goes on");
                    break;
                case UnrecognizedMessage message:
                    output.Unrecognized(message);
                    break;
                case SessionClosed end:
                    closed = end;
                    break;
            }
        }

        output.Summary($"{sent.TotalSeconds:0.0} s of audio sent in {clock.Elapsed.TotalSeconds:0.0} s; {finals} final(s)"
            + (saver is null ? "" : $"; {saver.Saved} audio file(s) in {ttsDirectory}")
            + $"; server closed: {closed?.ToString() ?? "no close"}");
        return closed is { IsNormal: false }
            ? CommandRunner.Fail(host, ExitCodes.ServerError, $"the server closed the session with {closed}")
            : ExitCodes.Ok;
    }

    /// <summary>Calls back on the reporting thread; <see cref="Progress{T}"/> would post to the thread pool
    /// and could report after the summary.</summary>
    private sealed class InlineProgress(Action<FileStreamingProgress> report) : IProgress<FileStreamingProgress>
    {
        public void Report(FileStreamingProgress value) => report(value);
    }
}
