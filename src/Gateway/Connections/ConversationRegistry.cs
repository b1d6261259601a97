namespace SpeechCluster.Gateway.Connections;

/// <summary>Counts the conversations this gateway is carrying (for limits, metrics and leak checks). Thread-safe.</summary>
internal sealed class ConversationRegistry
{
    private int _active;

    public int ActiveCount => Volatile.Read(ref _active);

    public Lease Enter()
    {
        Interlocked.Increment(ref _active);
        return new Lease(this);
    }

    internal readonly struct Lease(ConversationRegistry registry) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref registry._active);
    }
}
