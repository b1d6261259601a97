namespace SpeechCluster.Client;

/// <summary>
/// How to reach a speech translation server and what to ask of it. A plain settings object: fill it
/// before <see cref="SpeechTranslationClient.ConnectAsync"/>, which validates it and copies what it needs;
/// later changes do not affect a connected client.
/// </summary>
public sealed class SpeechTranslationOptions
{
    /// <summary>The default server: a local SpeechCluster gateway.</summary>
    public static readonly Uri DefaultServer = new("ws://127.0.0.1:5000");

    /// <summary>
    /// Base address of the server; <c>/speech/translate</c> is appended to its path. <c>ws</c>, <c>wss</c>,
    /// <c>http</c> and <c>https</c> are accepted (http maps to ws). Default: <c>ws://127.0.0.1:5000</c>.
    /// </summary>
    public Uri Server { get; set; } = DefaultServer;

    /// <summary>Sent as the <c>Ocp-Apim-Subscription-Key</c> header. Default: none.</summary>
    public string? SubscriptionKey { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer &lt;token&gt;</c>. Default: none. Not together with a key.</summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// Spoken language, a key of the server's <c>speech</c> scope, e.g. <c>en-US</c>. Required. Several,
    /// comma-separated (<c>en-US,es-ES</c>), use the detection extension: each utterance's language is detected
    /// among them and results name it (<see cref="TranslationResult.Language"/>).
    /// </summary>
    public string From { get; set; } = "";

    /// <summary>
    /// Target languages, keys of the <c>text</c> scope, e.g. <c>es</c>. At least one. More than one uses the
    /// multi-target extension (<c>to=es,fr</c>): results then carry a <c>translations</c> map and TTS audio
    /// comes once per target, in this order.
    /// </summary>
    public IList<string> To { get; set; } = [];

    /// <summary>Optional outputs. Default: <see cref="SpeechFeatures.None"/> (finals only).</summary>
    public SpeechFeatures Features { get; set; }

    /// <summary>TTS voice, a key of the <c>tts</c> scope. Default: none (the server picks).</summary>
    public string? Voice { get; set; }

    /// <summary>TTS audio format, see <see cref="AudioFormats"/>. Default: <c>audio/wav</c>.</summary>
    public string Format { get; set; } = AudioFormats.Wav;

    /// <summary>Default: not sent (the server's default, <c>Marked</c>).</summary>
    public ProfanityAction? ProfanityAction { get; set; }

    /// <summary>Default: not sent (the server's default, <c>Asterisk</c>).</summary>
    public ProfanityMarker? ProfanityMarker { get; set; }

    /// <summary>Resume extension: the <c>X-ConversationId</c> of an earlier connection. Default: none.</summary>
    public string? ConversationId { get; set; }

    /// <summary>Resume extension: the id of the last final seen on the earlier connection. Default: none.</summary>
    public string? ResumeFrom { get; set; }

    /// <summary>
    /// Resume the session by itself when the connection drops without a Close (resume extension): reconnect with
    /// the server's <c>X-ConversationId</c> and the last final delivered, then go on as if nothing happened: the
    /// events announce it (<see cref="Client.Reconnecting"/>, <see cref="Client.Reconnected"/>) and otherwise
    /// form one stream, the finals missed first, none repeated; sending audio waits meanwhile. Only for servers
    /// that send <c>X-ConversationId</c>; never after a Close from the server or a refusal. Default: true; set
    /// false to have a drop end the session with <see cref="SpeechTranslationConnectionLostException"/>.
    /// </summary>
    public bool AutoReconnect { get; set; } = true;

    /// <summary>Connection attempts per drop before giving up (<see cref="AutoReconnect"/>); 250 ms apart, then
    /// exponentially longer up to 5 s. Default: 8.</summary>
    public int ReconnectAttempts { get; set; } = 8;

    /// <summary>
    /// Longest time spent resuming after a drop, attempts and waits included (<see cref="AutoReconnect"/>). Keep it
    /// under the server's resume window (SpeechCluster's <c>ResumeWindow</c>, 60 s by default), which starts when
    /// the server notices the drop. Default: 30 seconds.
    /// </summary>
    public TimeSpan ReconnectBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Zeros streamed by <see cref="SpeechTranslationClient.CompleteAsync"/> so the server's silence
    /// detection ends the last utterance. Default: 1 second.</summary>
    public TimeSpan TrailingSilence { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for the handshake. Default: 15 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest wait, after the client's Close, for the server's remaining results and its Close;
    /// then the connection is aborted. Default: 15 seconds.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest server message accepted (TTS segments are the big ones). Default: 16 MiB.</summary>
    public int MaxMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Clock for pacing and timeouts. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Server, "SpeechTranslationOptions.Server");
        if (!Server.IsAbsoluteUri || Server.Scheme is not ("ws" or "wss" or "http" or "https"))
        {
            throw new ArgumentException($"SpeechTranslationOptions.Server must be an absolute ws, wss, http or https URI, not '{Server}'.");
        }

        if (string.IsNullOrWhiteSpace(From))
        {
            throw new ArgumentException("SpeechTranslationOptions.From is required (e.g. en-US).");
        }

        if (To is null || To.Count == 0 || To.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("SpeechTranslationOptions.To needs at least one language and no empty ones.");
        }

        if (SubscriptionKey is not null && AccessToken is not null)
        {
            throw new ArgumentException("Set SpeechTranslationOptions.SubscriptionKey or AccessToken, not both.");
        }

        if (TrailingSilence < TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero || CloseTimeout <= TimeSpan.Zero || MaxMessageBytes <= 0)
        {
            throw new ArgumentException("SpeechTranslationOptions: TrailingSilence must not be negative; ConnectTimeout, CloseTimeout and MaxMessageBytes must be positive.");
        }

        if (ReconnectAttempts < 1 || ReconnectBudget <= TimeSpan.Zero)
        {
            throw new ArgumentException("SpeechTranslationOptions: ReconnectAttempts must be at least 1 and ReconnectBudget positive.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, "SpeechTranslationOptions.TimeProvider");
    }
}
