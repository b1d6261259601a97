using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpeechCluster.Browser.Tests.Infrastructure;
using SpeechCluster.TestSupport;
using Xunit.Abstractions;

namespace SpeechCluster.Browser.Tests;

/// <summary>
/// The page at / in a real browser: chromium hears flite-spoken English through its fake
/// microphone, and the test reads what a user would see. Waits are generous (a shared 2-core
/// machine) and nothing is timed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BrowserPageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Sentence = "where is the train station";
    private const string FlushMessage = """{"type":"flush"}""";
    private static readonly TimeSpan ResultWait = TimeSpan.FromSeconds(60);

    // Keeps every text the live caption showed: partials are replaced as the sentence grows.
    private const string RecordLiveCaptions = """
        window.liveCaptions = [];
        document.addEventListener('DOMContentLoaded', () => {
            const live = document.getElementById('live-recognition');
            new MutationObserver(() => { if (live.textContent) { window.liveCaptions.push(live.textContent); } })
                .observe(live, { childList: true, characterData: true, subtree: true });
        });
        """;

    [Fact]
    public async Task Speaking_ShowsRecognitionTranslationAndPlaysTheSpokenTranslation()
    {
        using var recording = MicrophoneRecording.Speak(Sentence);
        await using var chromium = await Chromium.LaunchAsync(fixture.Playwright, recording.Path);
        var page = chromium.Context.Pages.Count > 0 ? chromium.Context.Pages[0] : await chromium.Context.NewPageAsync();
        await page.AddInitScriptAsync(RecordLiveCaptions);
        var sockets = new List<IWebSocket>();
        var sentFrames = new List<IWebSocketFrame>();
        page.WebSocket += (_, socket) =>
        {
            sockets.Add(socket);
            socket.FrameSent += (_, frame) => sentFrames.Add(frame);
        };

        await page.GotoAsync(fixture.Server.HttpUri.ToString());
        await Assertions.Expect(page.Locator("#to option[value=es]")).ToBeAttachedAsync();
        await page.Locator("#key").FillAsync(GatewayServer.Key);
        await page.Locator("#to").SelectOptionAsync("es");
        await Assertions.Expect(page.Locator("#speak")).ToBeCheckedAsync();
        await page.Locator("#start").ClickAsync();

        var final = page.Locator("#finals li").First;
        await Assertions.Expect(final.Locator(".recognition")).Not.ToBeEmptyAsync(new() { Timeout = Ms(ResultWait) });
        var recognition = await final.Locator(".recognition").InnerTextAsync();
        var translation = await final.Locator(".translation").InnerTextAsync();
        output.WriteLine($"recognized: {recognition}\ntranslated: {translation}");
        // The spoken translation arrived, decoded and was played to its end.
        await Assertions.Expect(final).ToHaveAttributeAsync("data-audio", "played", new() { Timeout = Ms(ResultWait) });
        await Assertions.Expect(final.Locator("button.replay")).ToBeVisibleAsync();

        await page.Locator("#stop").ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "idle", new() { Timeout = Ms(ResultWait) });
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Stopped");
        await Assertions.Expect(page.Locator("#error")).ToBeHiddenAsync();
        var screenshot = await SaveScreenshotAsync(page, "browser-page-conversation.png");

        var wer = WordErrorRate.Compute(Sentence, recognition);
        Assert.True(wer <= 0.4, $"recognized '{recognition}' for '{Sentence}' (WER {wer:P0}); screenshot {screenshot}");
        Assert.Contains("train", recognition, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(SpanishQuestion(), translation);
        Assert.Contains("tren", translation, StringComparison.OrdinalIgnoreCase);
        var captions = await page.EvaluateAsync<string[]>("window.liveCaptions");
        Assert.NotEmpty(captions);
        output.WriteLine($"live captions shown: {string.Join(" | ", captions)}");

        // Token in the query (a browser cannot set headers); a 44-byte WAV header, 100 ms of 16 kHz PCM a
        // message, and on Stop the flush (Playwright does not tell text frames from binary ones).
        var socketUrl = Assert.Single(sockets).Url;
        Assert.Contains("access_token=", socketUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayServer.Key, socketUrl, StringComparison.Ordinal);
        Assert.Equal(FlushMessage, sentFrames[^1].Text);
        var audio = sentFrames.SkipLast(1).Select(f => f.Binary ?? []).ToList();
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(audio[0], 0, 4));
        Assert.Equal(44, audio[0].Length);
        Assert.Equal(16000, BitConverter.ToInt32(audio[0], 24));
        Assert.All(audio.Skip(1), pcm => Assert.Equal(3200, pcm.Length));

        // Usable on a phone: nothing wider than the 360 px window.
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360, "the page scrolls sideways at 360 px");
    }

    [Fact]
    public async Task StopMidSentence_WaitsForTheFinalAndItsSpokenTranslation()
    {
        // Long enough (about 9 s) that the server, however loaded, is still inside it when Stop is pressed.
        using var recording = MicrophoneRecording.Speak(
            "the weather is nice today and we will walk to the old bridge by the river and then we will have lunch in the small cafe near the market");
        await using var chromium = await Chromium.LaunchAsync(fixture.Playwright, recording.Path);
        var page = chromium.Context.Pages.Count > 0 ? chromium.Context.Pages[0] : await chromium.Context.NewPageAsync();

        await page.GotoAsync(fixture.Server.HttpUri.ToString());
        await Assertions.Expect(page.Locator("#to option[value=es]")).ToBeAttachedAsync();
        await page.Locator("#key").FillAsync(GatewayServer.Key);
        await page.Locator("#to").SelectOptionAsync("es");
        await page.Locator("#start").ClickAsync();
        // Stop while the sentence is still being spoken: its first word is on screen as a partial.
        await Assertions.Expect(page.Locator("#live-recognition")).ToHaveTextAsync(AWord(), new() { Timeout = Ms(ResultWait) });
        await page.Locator("#stop").ClickAsync();
        Assert.True(await page.Locator("#finals li").CountAsync() == 0, "the sentence ended before Stop was pressed");

        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "idle", new() { Timeout = Ms(ResultWait) });
        var final = page.Locator("#finals li");
        await Assertions.Expect(final).ToHaveCountAsync(1);
        await Assertions.Expect(final.Locator(".translation")).Not.ToBeEmptyAsync();
        // The socket stayed open until the spoken translation had come: a browser drops what arrives after its Close.
        await Assertions.Expect(final.Locator("button.replay")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#error")).ToBeHiddenAsync();
        output.WriteLine($"after Stop: {await final.InnerTextAsync()}");
    }

    [Fact]
    public async Task WrongKey_ShowsTheServersReasonAndForgetsTheKey()
    {
        await using var chromium = await Chromium.LaunchAsync(fixture.Playwright);
        var page = chromium.Context.Pages.Count > 0 ? chromium.Context.Pages[0] : await chromium.Context.NewPageAsync();

        await page.GotoAsync(fixture.Server.HttpUri.ToString());
        await Assertions.Expect(page.Locator("#start")).ToBeEnabledAsync();
        await page.Locator("#key").FillAsync("not-the-key-0123456789");
        await page.Locator("#start").ClickAsync();

        var error = page.Locator("#error");
        await Assertions.Expect(error).ToBeVisibleAsync(new() { Timeout = Ms(ResultWait) });
        await Assertions.Expect(error).ToContainTextAsync("The subscription key was not accepted: the subscription key is not valid");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Not started.");
        await Assertions.Expect(page.Locator("#start")).ToBeEnabledAsync();
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('speechcluster.key')"));
        await SaveScreenshotAsync(page, "browser-page-wrong-key.png");
    }

    [Fact]
    public async Task RefusedHandshake_SaysTheServerRefusedTheConnection()
    {
        await using var chromium = await Chromium.LaunchAsync(fixture.Playwright);
        var page = chromium.Context.Pages.Count > 0 ? chromium.Context.Pages[0] : await chromium.Context.NewPageAsync();

        await page.GotoAsync(fixture.Server.HttpUri.ToString());
        await Assertions.Expect(page.Locator("#start")).ToBeEnabledAsync();
        await page.Locator("#key").FillAsync(GatewayServer.Key);
        // A voice the server does not have (as after a change of the server's voices): it answers 400 before the upgrade.
        await page.EvaluateAsync("() => { const voice = document.getElementById('voice'); voice.add(new Option('Gone', 'xx-XX-Gone')); voice.value = 'xx-XX-Gone'; }");
        await page.Locator("#start").ClickAsync();

        var error = page.Locator("#error");
        await Assertions.Expect(error).ToBeVisibleAsync(new() { Timeout = Ms(ResultWait) });
        await Assertions.Expect(error).ToContainTextAsync("The server refused the connection");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Not started.");
        await Assertions.Expect(page.Locator("#start")).ToBeEnabledAsync();
    }

    private async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(BrowserFixture.ArtifactsDirectory, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
        return path;
    }

    private static float Ms(TimeSpan span) => (float)span.TotalMilliseconds;

    [GeneratedRegex(@"^¿.+\?$")]
    private static partial Regex SpanishQuestion();

    [GeneratedRegex(@"\w")]
    private static partial Regex AWord();
}
