using Microsoft.Extensions.Logging;

namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>
/// The pass that produces the final: a second decoder re-decodes the utterance from its start with
/// a fixed cepstral mean on a background thread, then follows the live audio. When the utterance's
/// mean drifts, <see cref="Restart"/> makes it start over with the newer mean. Because the mean
/// settles early, restarts are cheap and rare late in the utterance, so at the end of speech this
/// pass has normally caught up and the final costs only <c>ps_end_utt</c>.
/// </summary>
/// <remarks>Thread-safe. Owns its lease; Dispose stops the worker and returns the decoder.</remarks>
internal sealed partial class CatchUpPass : IDisposable
{
    private const int BlockSamples = 16000 / 4;

    private readonly DecoderLease _lease;
    private readonly UtteranceAudio _audio;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly float[] _mean;
    private readonly Task<RecognitionResult?> _worker;
    private int _meanVersion;
    private int _position;
    private bool _finishing;
    private bool _stopped;

    public CatchUpPass(DecoderLease lease, UtteranceAudio audio, ReadOnlySpan<float> mean, ILogger logger)
    {
        _lease = lease;
        _audio = audio;
        _logger = logger;
        _mean = mean.ToArray();
        _worker = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The mean the pass decodes with now (a copy).</summary>
    public float[] Mean
    {
        get
        {
            lock (_gate)
            {
                return (float[])_mean.Clone();
            }
        }
    }

    public int Restarts { get; private set; }

    /// <summary>
    /// Whether the pass has decoded (nearly) all audio so far. Restarts wait for this: restarting a
    /// pass that is still re-decoding would throw its work away, and on a busy machine it would
    /// never catch up.
    /// </summary>
    public bool CaughtUp => Volatile.Read(ref _position) >= _audio.Count - (2 * BlockSamples);

    /// <summary>Starts over from the first sample with <paramref name="mean"/>.</summary>
    public void Restart(ReadOnlySpan<float> mean)
    {
        lock (_gate)
        {
            mean.CopyTo(_mean);
            _meanVersion++;
        }

        Restarts++;
        _wake.Release();
    }

    /// <summary>Tells the worker that more audio arrived.</summary>
    public void Notify() => _wake.Release();

    /// <summary>
    /// Waits up to <paramref name="wait"/> for the pass to reach the end of the audio; returns its
    /// final, or null (and stops the pass) when it is late or failed.
    /// </summary>
    public RecognitionResult? Finish(TimeSpan wait)
    {
        lock (_gate)
        {
            _finishing = true;
        }

        _wake.Release();
        if (_worker.Wait(wait))
        {
            return _worker.Result;
        }

        Stop();
        return null;
    }

    public void Dispose()
    {
        Stop();
        try
        {
            // The worker checks for a stop between blocks of at most a quarter second of audio.
            _worker.Wait();
        }
        catch (AggregateException)
        {
            // Already logged and the lease marked faulted by the worker.
        }

        _lease.Dispose();
        _wake.Dispose();
    }

    private void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        _wake.Release();
    }

    private RecognitionResult? Run()
    {
        var decoder = _lease.Decoder;
        var cmn = decoder.CepstralMean!;
        var mean = new float[_mean.Length];
        var block = new short[BlockSamples];
        var version = -1;
        var position = 0;
        try
        {
            while (true)
            {
                bool finishing;
                lock (_gate)
                {
                    if (_stopped)
                    {
                        return null;
                    }

                    if (version != _meanVersion)
                    {
                        version = _meanVersion;
                        _mean.CopyTo(mean, 0);
                        position = -1;
                    }

                    finishing = _finishing;
                }

                if (position < 0)
                {
                    if (decoder.InUtterance)
                    {
                        decoder.EndUtterance();
                    }

                    decoder.StartUtterance();
                    position = 0;
                    Volatile.Write(ref _position, 0);
                }

                var n = _audio.CopyTo(position, block);
                if (n > 0)
                {
                    // Set before every block, and the library's own accumulator cleared after it,
                    // so that its 8-second window update never replaces the fixed mean.
                    cmn.SetMean(mean);
                    decoder.Process(block.AsSpan(0, n));
                    cmn.ResetAccumulator();
                    position += n;
                    Volatile.Write(ref _position, position);
                    continue;
                }

                if (finishing)
                {
                    decoder.EndUtterance();
                    return FinalResults.From(decoder);
                }

                _wake.Wait();
            }
        }
        catch (PocketSphinxException ex)
        {
            _lease.Faulted = true;
            LogCatchUpFailed(_logger, ex);
            return null;
        }
    }
}
