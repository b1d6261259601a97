using Microsoft.Extensions.Logging;

namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>
/// One utterance. The live decoder (leased for the whole utterance) gives the partials, normalised
/// with the running cepstral mean of this utterance; a <see cref="CatchUpPass"/> on a second
/// decoder, when one is free, produces the final with a mean close to the whole-utterance one.
/// </summary>
/// <remarks>
/// Contract: call <see cref="AcceptAudio"/> with every chunk, including the trailing silence the
/// endpointer listened to, then <see cref="Finish"/> once; dispose in every case. Not thread-safe
/// (one caller at a time); the catch-up pass runs on its own thread.
/// </remarks>
internal sealed partial class PocketSphinxStream : IRecognitionStream
{
    private readonly DecoderLease _live;
    private readonly DecoderPool _pool;
    private readonly StreamSettings _settings;
    private readonly ILogger _logger;
    private readonly UtteranceAudio _audio = new();
    private readonly UtteranceMean? _mean;
    private readonly float[] _current;
    private const int StartWindowSamples = 16000;
    private const int MaxStartRedecodes = 3;
    private const double StartRedecodeDistance = 2;

    private CatchUpPass? _catchUp;
    private float[]? _startMean;
    private int _startRedecodes;
    private bool _catchUpUnavailable;
    private bool _finished;
    private bool _disposed;

    public PocketSphinxStream(DecoderLease live, DecoderPool pool, StreamSettings settings, ILogger logger)
    {
        _live = live;
        _pool = pool;
        _settings = settings;
        _logger = logger;
        var cmn = live.Decoder.CepstralMean;
        _current = new float[cmn?.Length ?? 0];
        if (cmn is not null)
        {
            _mean = new UtteranceMean(cmn.Length);
            cmn.ResetAccumulator();
        }
        else
        {
            LogNoCepstralMeanAccess(_logger);
        }

        Run(() => live.Decoder.StartUtterance());
    }

    public string AcceptAudio(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            throw new InvalidOperationException("The utterance is finished.");
        }

        if (samples.IsEmpty)
        {
            return Run(_live.Decoder.Hypothesis);
        }

        _audio.Append(samples);
        var decoder = _live.Decoder;
        try
        {
            decoder.Process(samples);
        }
        catch (PocketSphinxException)
        {
            _live.Faulted = true;
            throw;
        }

        if (_mean is not null && decoder.CepstralMean is { } cmn)
        {
            _mean.Collect(cmn);
            if (_mean.TryGet(_current))
            {
                RedecodeStartIfMeanMoved(decoder, cmn);
                cmn.SetMean(_current);
                SteerCatchUp();
            }
        }

        return Run(decoder.Hypothesis);
    }

    public RecognitionResult Finish()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            throw new InvalidOperationException("Finish was already called.");
        }

        _finished = true;
        var final = _catchUp?.Finish(_settings.CatchUpWait);
        if (final is not null)
        {
            return final;
        }

        if (_catchUp is not null)
        {
            LogCatchUpLate(_logger, _settings.CatchUpWait.TotalMilliseconds);
        }

        var decoder = _live.Decoder;
        return Run(() =>
        {
            decoder.EndUtterance();
            return FinalResults.From(decoder);
        });
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _catchUp?.Dispose();
        _live.Dispose();
    }

    /// <summary>
    /// The first frames of an utterance are normalised with whatever mean the decoder had (the
    /// last utterance's, perhaps another speaker's); early on the utterance's own mean moves fast.
    /// So during the first second, when the mean has moved, the live pass starts over with it:
    /// re-decoding at most a second of audio, a few times, is cheap.
    /// </summary>
    private void RedecodeStartIfMeanMoved(PocketSphinxDecoder decoder, LiveCepstralMean cmn)
    {
        var heard = _audio.Count;
        if (heard > StartWindowSamples || _startRedecodes >= MaxStartRedecodes
            || (_startMean is not null && UtteranceMean.Distance(_current, _startMean) <= StartRedecodeDistance))
        {
            return;
        }

        _startMean = (float[])_current.Clone();
        _startRedecodes++;
        var audio = new short[heard];
        _audio.CopyTo(0, audio);
        try
        {
            decoder.EndUtterance();
            decoder.StartUtterance();
            cmn.SetMean(_current);
            decoder.Process(audio);
        }
        catch (PocketSphinxException)
        {
            _live.Faulted = true;
            throw;
        }

        // These frames were summed already.
        cmn.ResetAccumulator();
    }

    /// <summary>Starts the catch-up pass at the first mean, and restarts it when the mean drifts.</summary>
    private void SteerCatchUp()
    {
        if (_catchUp is null)
        {
            if (_catchUpUnavailable || !_settings.CatchUpEnabled)
            {
                return;
            }

            // Optional work: only a decoder that is free right now, never a wait.
            var lease = _pool.TryLease();
            if (lease is null || lease.Decoder.CepstralMean is null)
            {
                lease?.Dispose();
                _catchUpUnavailable = true;
                return;
            }

            _catchUp = new CatchUpPass(lease, _audio, _current, _logger);
            return;
        }

        if (_catchUp.CaughtUp && UtteranceMean.Distance(_current, _catchUp.Mean) > _settings.RestartDistance)
        {
            _catchUp.Restart(_current);
        }
        else
        {
            _catchUp.Notify();
        }
    }

    private void Run(Action call)
    {
        try
        {
            call();
        }
        catch (PocketSphinxException)
        {
            _live.Faulted = true;
            throw;
        }
    }

    private T Run<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (PocketSphinxException)
        {
            _live.Faulted = true;
            throw;
        }
    }
}
