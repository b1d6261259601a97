namespace SpeechCluster.Client;

/// <summary>
/// The session resumed on a new connection: what follows continues the stream, the finals missed during the
/// drop first, none repeated. Audio the server had not received when the connection dropped is lost.
/// </summary>
/// <param name="Attempts">Connection attempts it took (1: the first succeeded).</param>
/// <param name="RequestId">The new connection's <c>X-RequestId</c>, if the server sent one.</param>
public sealed record Reconnected(int Attempts, string? RequestId) : TranslationEvent;
