namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>
/// One decoder on loan from a <see cref="DecoderPool"/>. Dispose returns it (idempotent); an open
/// utterance is ended first so the next holder starts clean. Not thread-safe.
/// </summary>
internal sealed class DecoderLease : IDisposable
{
    private DecoderPool? _pool;

    public DecoderLease(DecoderPool pool, PocketSphinxDecoder decoder)
    {
        _pool = pool;
        Decoder = decoder;
    }

    public PocketSphinxDecoder Decoder { get; }

    /// <summary>Set when a native call failed: the decoder is then freed instead of reused.</summary>
    public bool Faulted { get; set; }

    public void Dispose()
    {
        var pool = Interlocked.Exchange(ref _pool, null);
        if (pool is null)
        {
            return;
        }

        var reusable = !Faulted;
        if (reusable && Decoder.InUtterance)
        {
            try
            {
                Decoder.EndUtterance();
            }
            catch (PocketSphinxException)
            {
                reusable = false;
            }
        }

        pool.Return(Decoder, reusable);
    }
}
