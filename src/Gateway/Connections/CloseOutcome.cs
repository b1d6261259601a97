using System.Net.WebSockets;

namespace SpeechCluster.Gateway.Connections;

/// <summary>How the receive side of a conversation ended, and the close the server owes the client.</summary>
internal sealed record CloseOutcome(WebSocketCloseStatus Status, string Reason, bool FlushResults, bool ClientGone = false)
{
    /// <summary>The client sent Close: finish open work, send what is produced, then close 1000.</summary>
    public static CloseOutcome ClientClosed { get; } = new(WebSocketCloseStatus.NormalClosure, "", FlushResults: true);

    /// <summary>The connection dropped without a close handshake: nobody to answer.</summary>
    public static CloseOutcome Dropped { get; } = new(WebSocketCloseStatus.EndpointUnavailable, "", FlushResults: false, ClientGone: true);

    public static CloseOutcome InvalidData(string reason) => new(WebSocketCloseStatus.InvalidMessageType, reason, FlushResults: false);

    public static CloseOutcome TooBig(int limit) => new(WebSocketCloseStatus.MessageTooBig, $"message larger than {limit} bytes", FlushResults: false);

    public static CloseOutcome InternalError(string reason) => new(WebSocketCloseStatus.InternalServerError, reason, FlushResults: false);

    public static CloseOutcome ServerStopping { get; } = new(WebSocketCloseStatus.EndpointUnavailable, "server shutting down", FlushResults: false);
}
