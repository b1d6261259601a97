using System.Net.WebSockets;

namespace SpeechCluster.Gateway.Connections;

/// <summary>How the receive side of a conversation ended, and the close the server owes the client.</summary>
internal sealed record CloseOutcome(WebSocketCloseStatus Status, string Reason, bool FlushResults, bool ClientGone = false, bool Resumable = false)
{
    /// <summary>The client sent Close: finish open work, send what is produced, then close 1000.</summary>
    public static CloseOutcome ClientClosed { get; } = new(WebSocketCloseStatus.NormalClosure, "", FlushResults: true);

    /// <summary>The connection dropped without a close handshake: nobody to answer.</summary>
    public static CloseOutcome Dropped { get; } = new(WebSocketCloseStatus.EndpointUnavailable, "", FlushResults: false, ClientGone: true, Resumable: true);

    /// <summary>
    /// The WebSocket layer refused the client's frames (text that is not UTF-8, a malformed frame)
    /// and closed the socket itself: the client broke the protocol, so its conversation is not kept to resume.
    /// </summary>
    public static CloseOutcome ProtocolViolation { get; } = new(WebSocketCloseStatus.ProtocolError, "", FlushResults: false, ClientGone: true);

    public static CloseOutcome InvalidData(string reason) => new(WebSocketCloseStatus.InvalidMessageType, reason, FlushResults: false);

    public static CloseOutcome TooBig(int limit) => new(WebSocketCloseStatus.MessageTooBig, $"message larger than {limit} bytes", FlushResults: false);

    public static CloseOutcome InternalError(string reason) => new(WebSocketCloseStatus.InternalServerError, reason, FlushResults: false);

    /// <summary>The gateway's drain deadline passed: open utterances are finalised and their results sent, then 1001.</summary>
    public static CloseOutcome ServerStopping { get; } = new(WebSocketCloseStatus.EndpointUnavailable, "server shutting down; reconnect to continue", FlushResults: true);

    /// <summary>Nothing came from the client for <paramref name="limit"/>: what it said is finalised and sent, then 1000.</summary>
    public static CloseOutcome Idle(TimeSpan limit) => new(WebSocketCloseStatus.NormalClosure, $"no audio received for {limit}", FlushResults: true);

    /// <summary>The connection reached the longest a conversation may run: what was said is finalised and sent, then 1000.</summary>
    public static CloseOutcome MaxDuration(TimeSpan limit) => new(WebSocketCloseStatus.NormalClosure, $"maximum conversation duration ({limit}) reached", FlushResults: true);

    /// <summary>
    /// The cluster sheds load and refused the conversation's calls: 1013 (Try Again Later, RFC 6455's
    /// registry), which <see cref="WebSocketCloseStatus"/> has no name for.
    /// </summary>
    public static CloseOutcome Overloaded { get; } = new((WebSocketCloseStatus)1013, "the speech cluster is overloaded; try again later", FlushResults: false);
}
