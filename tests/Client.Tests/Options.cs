namespace SpeechCluster.Client.Tests;

/// <summary>Client options pointing at a stand-in server.</summary>
internal static class Options
{
    public static SpeechTranslationOptions For(FakeTranslationServer server, params string[] to) => new()
    {
        Server = server.Address,
        From = "en-US",
        To = to.Length == 0 ? ["es"] : to,
        CloseTimeout = TimeSpan.FromSeconds(20),
    };
}
