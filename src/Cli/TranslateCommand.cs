using System.CommandLine;
using SpeechCluster.Client;

namespace SpeechCluster.Cli;

/// <summary><c>speechcluster translate FILE --from … --to …</c>: streams a WAV file and prints what comes back.</summary>
internal static class TranslateCommand
{
    private const string Description = "Stream a WAV file to the server and print recognitions and translations as they come";

    /// <summary>Shown after the options by <c>translate --help</c>.</summary>
    public const string Epilog = """
        On a terminal a progress bar shows the seconds sent, with the current partial beside it (with --partial),
        and finals print above it; when stdout is redirected only finals are printed. Any PCM WAV is converted to
        16 kHz mono and sent at real-time pace unless --fast; one second of silence follows it, then the client
        closes and waits for the server's last results.

        A connection that drops without a Close is resumed by itself when the server offers it (up to 8 attempts
        within 30 s, the finals missed meanwhile first, none repeated; "reconnecting…" notes go to stderr);
        --no-reconnect ends the run with an error instead.

        Examples:
          speechcluster translate talk.wav --from en-US --to es
          speechcluster translate talk.wav --from en-US --to es,fr --partial --tts out --format mp3
          speechcluster translate talk.wav --from en-US --to es --json --fast > results.jsonl
        """;

    public static Command Create(CliHost host)
    {
        var file = new Argument<string>("FILE") { Description = "The WAV file to translate" };
        var from = new Option<string>("--from", "-f") { Description = "Spoken language, e.g. en-US", Required = true, HelpName = "LANG" };
        var to = new Option<string[]>("--to", "-t")
        {
            Description = "Target language(s): repeat (--to es --to fr) or list (--to es,fr)",
            Required = true,
            HelpName = "LANG",
        };
        var partial = new Option<bool>("--partial") { Description = "Ask for partial results and show them as they change" };
        var timing = new Option<bool>("--timing") { Description = "Ask for timing fields (TimingInfo); shown with --json" };
        var tts = new Option<string>("--tts") { Description = "Ask for spoken translations and save them as DIR/<id>.<lang>.wav|mp3", HelpName = "DIR" };
        var format = new Option<string>("--format") { Description = "Audio format of --tts", DefaultValueFactory = _ => "wav" };
        format.AcceptOnlyFromAmong("wav", "mp3");
        var voice = new Option<string>("--voice") { Description = "TTS voice id (see `speechcluster languages`)", HelpName = "ID" };
        var server = CommonOptions.Server();
        var key = CommonOptions.Key();
        var json = CommonOptions.Json("Write each server message as one JSON line, and one line per saved audio file; the summary goes to stderr");
        var fast = new Option<bool>("--fast") { Description = "Send the audio as fast as the server accepts instead of at real-time pace" };
        var noReconnect = new Option<bool>("--no-reconnect") { Description = "Do not resume the session when the connection drops (default: resume)" };
        // Resuming was opt-in for a while: scripts that asked for it keep working.
        var reconnect = new Option<bool>("--reconnect") { Description = "Resume the session when the connection drops (the default)", Hidden = true };

        var command = new Command("translate", Description) { file, from, to, partial, timing, tts, format, voice, server, key, json, fast, noReconnect, reconnect };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(host, () =>
        {
            var ttsDirectory = parse.GetValue(tts);
            var features = (parse.GetValue(partial) ? SpeechFeatures.Partial : SpeechFeatures.None)
                | (parse.GetValue(timing) ? SpeechFeatures.TimingInfo : SpeechFeatures.None)
                | (ttsDirectory is null ? SpeechFeatures.None : SpeechFeatures.TextToSpeech);
            var options = new SpeechTranslationOptions
            {
                Server = CommonOptions.ResolveServer(host, parse.GetValue(server)),
                SubscriptionKey = CommonOptions.ResolveKey(host, parse.GetValue(key)),
                From = parse.GetRequiredValue(from),
                To = [.. parse.GetRequiredValue(to).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
                Features = features,
                Voice = parse.GetValue(voice),
                Format = parse.GetValue(format) == "mp3" ? AudioFormats.Mp3 : AudioFormats.Wav,
                AutoReconnect = !parse.GetValue(noReconnect),
            };
            var session = new TranslateSession(host, options, parse.GetValue(json), ttsDirectory);
            return session.RunAsync(parse.GetRequiredValue(file), new FileStreamingOptions { Fast = parse.GetValue(fast) }, cancellationToken);
        }, cancellationToken));
        return command;
    }
}
