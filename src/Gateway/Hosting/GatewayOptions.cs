namespace SpeechCluster.Gateway.Hosting;

/// <summary>Protocol limits, quotas and shutdown of the WebSocket front door. Section <c>SpeechCluster:Gateway</c>.</summary>
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

    /// <summary>
    /// Most WebSocket conversations this gateway process carries at once; one more is refused
    /// before the upgrade with 503 and Retry-After. Default: 1000.
    /// </summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>
    /// Most concurrent conversations of one tenant on this gateway process, unless the tenant sets
    /// its own (<c>SpeechCluster:Auth:Tenants:&lt;tenant&gt;:MaxConversations</c>); one more is refused
    /// with 429 and Retry-After. 0: no per-tenant quota (only <see cref="MaxConnections"/>). Default: 0.
    /// </summary>
    public int MaxConversationsPerTenant { get; set; }

    /// <summary>The Retry-After of a 429 or 503 refusal. Default: 5 s.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How far ahead of real time a client's audio may be (counted from its first sample) before
    /// the gateway stops reading the socket until real time catches up: a client that sends
    /// faster is slowed by TCP backpressure instead of being buffered. Default: 10 s.
    /// </summary>
    public TimeSpan MaxAudioAhead { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// On shutdown (SIGTERM), new conversations are refused with 503 and open ones may go on for
    /// this long; those still open are then finalised, their results sent, and closed with 1001.
    /// The host's shutdown timeout is raised to cover it. Default: 30 s.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A connection that sends nothing (no audio, no message) for this long has what it said
    /// finalised and its results sent, then is closed with 1000 and a reason, as PROTOCOL.md §6
    /// says of the service it follows ("no audio received for an extended period"). Clients that
    /// wait for results stream silence, which counts. Default: 2 minutes.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long one result may wait for the client to take it; a client that stops reading has its
    /// connection aborted then, so its results cannot pile up without bound. Default: 30 s.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest one connection may carry a conversation; then it is finalised, its results sent,
    /// and closed with 1000 and a reason (the followed service: about 90 minutes). Default: 90 minutes.
    /// </summary>
    public TimeSpan MaxConversationDuration { get; set; } = TimeSpan.FromMinutes(90);

    /// <summary>How long the engine catalog behind /languages and request validation is cached. Default: 30 s.</summary>
    public TimeSpan CatalogCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
