namespace SpeechCluster.Client;

/// <summary>
/// The server answered the handshake (or a <c>/languages</c> request) with an HTTP error such as 400, 401 or
/// 429 instead of accepting it. Carries the status and the server's explanation from its
/// <c>{"error":{"code":N,"message":"..."}}</c> body when it sent one.
/// </summary>
public sealed class SpeechTranslationRejectedException : SpeechTranslationException
{
    public SpeechTranslationRejectedException(int statusCode, int? errorCode, string? serverMessage, string? body, Exception? innerException = null)
        : base(Describe(statusCode, serverMessage), innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServerMessage = serverMessage;
        Body = body;
    }

    /// <summary>HTTP status, e.g. 401.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>error.code</c> of the body, when present.</summary>
    public int? ErrorCode { get; }

    /// <summary>The <c>error.message</c> of the body (or the body itself when it is not that JSON), when present.</summary>
    public string? ServerMessage { get; }

    /// <summary>The response body as received (first 64 KiB), when there was one.</summary>
    public string? Body { get; }

    private static string Describe(int statusCode, string? serverMessage) =>
        string.IsNullOrWhiteSpace(serverMessage)
            ? $"The server rejected the request with HTTP {statusCode}."
            : $"The server rejected the request with HTTP {statusCode}: {serverMessage}";
}
