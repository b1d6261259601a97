using System.Net.WebSockets;

namespace SpeechCluster.Client;

/// <summary>The last event of a session: the server's Close frame. <see cref="Status"/> is null when the
/// server sent a Close frame without a code.</summary>
public sealed record SessionClosed(WebSocketCloseStatus? Status, string? Description) : TranslationEvent
{
    /// <summary>True for 1000 (normal closure).</summary>
    public bool IsNormal => Status == WebSocketCloseStatus.NormalClosure;

    public override string ToString() =>
        Status is { } status ? $"{(int)status} {status}{(string.IsNullOrEmpty(Description) ? "" : $" \"{Description}\"")}" : "no status";
}
