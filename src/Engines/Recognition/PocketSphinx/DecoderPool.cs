using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>
/// A bounded, lazily filled pool of decoders. At most <see cref="Capacity"/> exist at once; a caller
/// that finds them all leased waits (cancellable) until one comes back. A lease that takes the last
/// idle decoder has up to <c>spare</c> more made in the background, so the next utterance to start
/// does not wait the second a decoder takes to load.
/// </summary>
/// <remarks>
/// Thread-safe. Owns every decoder it created: idle ones are freed by <see cref="Dispose"/>, leased
/// ones when their lease ends after that. A decoder whose lease reports it faulty is freed, not reused.
/// </remarks>
internal sealed partial class DecoderPool : IDisposable
{
    private readonly Func<PocketSphinxDecoder> _factory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<PocketSphinxDecoder> _idle = [];
    private readonly int _spare;
    private int _created;
    private int _leased;
    private int _toppingUp;
    private volatile bool _disposed;

    public DecoderPool(Func<PocketSphinxDecoder> factory, int capacity, ILogger logger, int spare = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(spare);
        _factory = factory;
        _logger = logger;
        Capacity = capacity;
        _spare = spare;
        _slots = new SemaphoreSlim(capacity, capacity);
    }

    public int Capacity { get; }

    /// <summary>Decoders alive now (idle or leased).</summary>
    public int Created => Volatile.Read(ref _created);

    /// <summary>Decoders leased now.</summary>
    public int Leased => Volatile.Read(ref _leased);

    /// <summary>Waits for a free slot, then hands out an idle decoder or creates one (slow).</summary>
    public async ValueTask<DecoderLease> LeaseAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return TakeSlot();
    }

    /// <summary>Like <see cref="LeaseAsync"/> but blocks the calling thread, at most <paramref name="timeout"/>.</summary>
    public DecoderLease Lease(TimeSpan timeout, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_slots.Wait(timeout, cancellationToken))
        {
            throw new TimeoutException($"No PocketSphinx decoder became free within {timeout} (all {Capacity} leased).");
        }

        return TakeSlot();
    }

    /// <summary>A lease only if a slot is free right now (for optional work); otherwise null.</summary>
    public DecoderLease? TryLease() => !_disposed && _slots.Wait(0) ? TakeSlot() : null;

    /// <summary>Creates idle decoders until <paramref name="count"/> exist (bounded by capacity). Slow.</summary>
    public void WarmUp(int count)
    {
        while (!_disposed && Created < Math.Min(count, Capacity) && TryCreateIdle())
        {
        }
    }

    public void Dispose()
    {
        _disposed = true;
        FreeIdle();
    }

    private void FreeIdle()
    {
        while (_idle.TryTake(out var decoder))
        {
            Free(decoder);
        }
    }

    internal void Return(PocketSphinxDecoder decoder, bool reusable)
    {
        Interlocked.Decrement(ref _leased);
        if (reusable && !_disposed)
        {
            _idle.Add(decoder);
        }
        else
        {
            Free(decoder);
        }

        // A disposed pool may still see late returns; the semaphore then only wakes no one.
        _slots.Release();
    }

    private DecoderLease TakeSlot()
    {
        try
        {
            if (!_idle.TryTake(out var decoder))
            {
                decoder = Create();
            }

            Interlocked.Increment(ref _leased);
            TopUpSpares();
            return new DecoderLease(this, decoder);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Starts making idle decoders, one task at a time, until <c>spare</c> wait or none may be added.</summary>
    private void TopUpSpares()
    {
        if (_spare == 0 || _idle.Count >= _spare || Created >= Capacity || Interlocked.CompareExchange(ref _toppingUp, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            try
            {
                while (!_disposed && _idle.Count < _spare && Created < Capacity && TryCreateIdle())
                {
                }
            }
            catch (Exception ex) when (ex is PocketSphinxException or OutOfMemoryException)
            {
                // Only a head start was lost: a stream that needs a decoder creates one and reports the failure.
                LogSpareFailed(_logger, ex);
            }
            finally
            {
                Volatile.Write(ref _toppingUp, 0);
            }
        });
    }

    /// <summary>
    /// Creates one idle decoder while holding a free slot, so that leased and being-made decoders
    /// together stay within capacity; false when no slot is free now.
    /// </summary>
    private bool TryCreateIdle()
    {
        if (!_slots.Wait(0))
        {
            return false;
        }

        try
        {
            _idle.Add(Create());
            if (_disposed)
            {
                // Disposed while this one loaded (a background top-up): nobody else will free it.
                FreeIdle();
                return false;
            }

            return true;
        }
        finally
        {
            _slots.Release();
        }
    }

    private PocketSphinxDecoder Create()
    {
        var started = TimeProvider.System.GetTimestamp();
        var decoder = _factory();
        var count = Interlocked.Increment(ref _created);
        LogDecoderCreated(_logger, count, Capacity, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return decoder;
    }

    private void Free(PocketSphinxDecoder decoder)
    {
        decoder.Dispose();
        Interlocked.Decrement(ref _created);
    }
}
