using Microsoft.Playwright;

namespace SpeechCluster.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's chromium driven by Playwright's bundled driver (no browser download), its microphone
/// fed from a WAV file in real time. Each launch gets its own profile folder, deleted on dispose.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly string _profile;

    private Chromium(IBrowserContext context, string profile)
    {
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    /// <summary>
    /// A phone-sized window (360 px wide) whose microphone plays <paramref name="microphoneWav"/>
    /// once and then its last 10 ms over and over; without a file, chromium's fake beeps.
    /// </summary>
    public static async Task<Chromium> LaunchAsync(IPlaywright playwright, string? microphoneWav = null)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium package (./test does)");
        }

        var profile = Directory.CreateTempSubdirectory("speechcluster-chromium-").FullName;
        string[] microphone = microphoneWav is null ? [] : [$"--use-file-for-fake-audio-capture={microphoneWav}%noloop"];
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            ViewportSize = new ViewportSize { Width = 360, Height = 780 },
            Args =
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                .. microphone,
            ],
        });
        return new Chromium(context, profile);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        Directory.Delete(_profile, recursive: true);
    }
}
