using SpeechCluster.Cli;

namespace SpeechCluster.Client.Tests;

/// <summary>The human form of <c>translate</c> on a terminal: Spectre.Console's live display, drawn over the
/// host's writer as it would be over a real terminal's.</summary>
public sealed class TranslationConsoleTests
{
    [Fact]
    public async Task Terminal_ShowsBarSecondsAndPartial_AndPrintsFinalsAboveIt()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new TranslationConsole(new CliHost(output, error, OutputIsTerminal: true, TerminalWidth: 100, _ => null), json: false, ["es"]);

        await console.ShowWhileAsync(() =>
        {
            console.Progress(new FileStreamingProgress(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3)));
            // Brackets are text, not Spectre markup (which would throw on an unknown style).
            console.Partial(Result("partial", "0.1", "hello [noise] wor", "hola"));
            console.Final(Result("final", "0", "hello [noise] world", "hola mundo"));
            console.Notice("reconnected after 1 attempt(s)");
            return Task.CompletedTask;
        });
        console.Summary("1.5 s of audio sent");

        var raw = output.ToString();
        Assert.Contains("\u001b[?25l", raw); // Spectre hid the cursor: it drew live, not the fallback for pipes.
        var drawn = TerminalOutput.Drawn(raw);
        var partial = drawn.FindIndex(text => text.Contains("[0.1]", StringComparison.Ordinal));
        Assert.True(partial >= 0, string.Join('\n', drawn));
        Assert.Matches(@"^[━ ]{30} 1\.5/3\.0 s \[0\.1\] hello \[noise\] wor\s*$", drawn[partial]);
        var final = drawn.IndexOf("[0] hello [noise] world");
        Assert.True(final > partial, string.Join('\n', drawn));
        Assert.True(drawn.IndexOf("  -> es: hola mundo") > final, string.Join('\n', drawn));
        Assert.Contains("speechcluster: reconnected after 1 attempt(s)", drawn); // above the bar: stderr would tear it
        Assert.Equal("", error.ToString());
        // Each line above the bar erases it first (else its end would show after a shorter line); at the end the
        // bar is cleared and the cursor shown again, so the summary starts on a clean line.
        Assert.Contains("\r\u001b[J[0] hello [noise] world\n", raw);
        Assert.EndsWith("\u001b[2K\u001b[?25h1.5 s of audio sent" + Environment.NewLine, raw);
    }

    [Fact]
    public async Task Terminal_LongPartial_KeepsItsEndOnOneLine()
    {
        using var output = new StringWriter();
        var console = new TranslationConsole(new CliHost(output, TextWriter.Null, OutputIsTerminal: true, TerminalWidth: 80, _ => null), json: false, ["es"]);
        var words = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"word{i}"));

        await console.ShowWhileAsync(() =>
        {
            console.Progress(new FileStreamingProgress(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)));
            console.Partial(Result("partial", "0.9", words, ""));
            return Task.CompletedTask;
        });

        var bar = TerminalOutput.Drawn(output.ToString()).Last(text => text.Contains("word40", StringComparison.Ordinal));
        Assert.True(bar.TrimEnd().Length <= 80, bar);
        Assert.Contains("…", bar);
        Assert.DoesNotContain("word1 ", bar);
    }

    [Fact]
    public async Task Redirected_WritesPlainLinesWithoutEscapes()
    {
        using var output = new StringWriter();
        var console = new TranslationConsole(new CliHost(output, TextWriter.Null, OutputIsTerminal: false, TerminalWidth: 0, _ => null), json: false, ["es"]);

        await console.ShowWhileAsync(() =>
        {
            console.Progress(new FileStreamingProgress(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3)));
            console.Partial(Result("partial", "0.1", "hello wor", "hola"));
            console.Final(Result("final", "0", "hello world", "hola mundo"));
            return Task.CompletedTask;
        });

        Assert.Equal($"[0] hello world{Environment.NewLine}  -> es: hola mundo{Environment.NewLine}", output.ToString());
    }

    private static TranslationResult Result(string type, string id, string recognition, string translation) =>
        new() { Type = type, Id = id, Recognition = recognition, Translation = translation, Json = "{}" };
}
