using System.Collections;

namespace SpeechCluster.Grains.Telemetry;

/// <summary>
/// A log scope naming the conversation (never its tenant's key), made once per conversation and
/// begun around each of its calls: structured as <c>ConversationId</c>, read as "conversation ID".
/// </summary>
public sealed class ConversationLogScope(string conversationId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?> _value = new("ConversationId", conversationId);
    private readonly string _text = "conversation " + conversationId;

    public string Id => conversationId;

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? _value : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return _value;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _text;

    /// <summary>The conversation id in a session grain's key (<c>tenant/conversation</c>).</summary>
    public static string ConversationId(string sessionKey) =>
        sessionKey.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? sessionKey[(slash + 1)..] : sessionKey;
}
