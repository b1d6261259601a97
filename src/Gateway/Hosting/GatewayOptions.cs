namespace SpeechCluster.Gateway.Hosting;

/// <summary>Protocol limits of the WebSocket front door. Section <c>SpeechCluster:Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string Section = "SpeechCluster:Gateway";

    /// <summary>Largest client message, binary or text; larger ones are closed with 1009. Default: 1 MiB.</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest text message (the flush extension is 16 bytes). Default: 4 KiB.</summary>
    public int MaxTextMessageBytes { get; set; } = 4096;

    /// <summary>
    /// After the client's Close, results still owed are sent for as long as they keep coming; the
    /// server closes once the results end, or after this long without one. Default: 10 seconds.
    /// </summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a conversation whose connection dropped is kept for its client to resume it
    /// (<c>conversation</c> + <c>resumeFrom</c>). Default: 60 s.
    /// </summary>
    public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the engine catalog behind /languages and request validation is cached. Default: 30 s.</summary>
    public TimeSpan CatalogCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
