using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace SpeechCluster.EndToEnd.Tests.Observability;

/// <summary>
/// What the in-memory exporter collects, safe to read while it adds: activity listeners are
/// process-wide, so the spans of other tests' conversations arrive here too, at any time.
/// </summary>
public sealed class SpanLog : ICollection<Activity>
{
    private readonly ConcurrentQueue<Activity> _spans = new();

    public int Count => _spans.Count;

    public bool IsReadOnly => false;

    public void Add(Activity item) => _spans.Enqueue(item);

    public void Clear() => throw new NotSupportedException();

    public bool Contains(Activity item) => _spans.Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) => _spans.CopyTo(array, arrayIndex);

    public bool Remove(Activity item) => throw new NotSupportedException();

    public IEnumerator<Activity> GetEnumerator() => ((IEnumerable<Activity>)_spans.ToArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
