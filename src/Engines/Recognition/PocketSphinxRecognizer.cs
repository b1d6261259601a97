using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SpeechCluster.Engines.Recognition.PocketSphinx;

namespace SpeechCluster.Engines.Recognition;

/// <summary>
/// US English recognition with PocketSphinx 5prealpha (Debian's <c>libpocketsphinx3</c> and
/// <c>pocketsphinx-en-us</c>). One instance per process: it owns a bounded pool of decoders
/// (about 92 MiB each) that streams lease for one utterance at a time.
/// </summary>
/// <remarks>
/// Thread-safe. Creating it is cheap; the first decoder is loaded by <see cref="WarmUpAsync"/>
/// or by the first stream (hundreds of ms). Dispose frees idle decoders at once and leased ones
/// when their streams are disposed.
/// </remarks>
public sealed partial class PocketSphinxRecognizer : ISpeechRecognizer
{
    private readonly PocketSphinxOptions _options;
    private readonly ILogger<PocketSphinxRecognizer> _logger;
    private readonly DecoderPool _pool;
    private readonly StreamSettings _settings;

    public PocketSphinxRecognizer(IOptions<PocketSphinxOptions> options, ILogger<PocketSphinxRecognizer> logger)
        : this(options.Value, logger)
    {
    }

    public PocketSphinxRecognizer(PocketSphinxOptions options, ILogger<PocketSphinxRecognizer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDecoders, 1, nameof(PocketSphinxOptions.MaxDecoders));
        ArgumentOutOfRangeException.ThrowIfNegative(options.SpareDecoders, nameof(PocketSphinxOptions.SpareDecoders));
        _options = options;
        _logger = logger;
        if (options.NativeLogFile is not null)
        {
            NativeLog.UseFile(options.NativeLogFile);
        }

        _settings = new StreamSettings(options.CatchUpPass, options.CatchUpRestartDistance, options.CatchUpWait);
        var arguments = DecoderArguments.Build(options);
        _pool = new DecoderPool(() => PocketSphinxDecoder.Create(arguments), options.MaxDecoders, logger, options.SpareDecoders);
    }

    public string Locale => _options.Locale;

    public string Model => "pocketsphinx";

    /// <summary>Decoders alive now, idle or leased (never more than <see cref="PocketSphinxOptions.MaxDecoders"/>).</summary>
    public int DecodersCreated => _pool.Created;

    /// <summary>Decoders leased by open streams now (a stream may hold two while it re-decodes its final).</summary>
    public int DecodersLeased => _pool.Leased;

    /// <summary>Loads <see cref="PocketSphinxOptions.PrewarmDecoders"/> decoders on a pool thread.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => _pool.WarmUp(_options.PrewarmDecoders), cancellationToken);

    /// <inheritdoc />
    /// <exception cref="TimeoutException">No decoder came free within <see cref="PocketSphinxOptions.LeaseTimeout"/>.</exception>
    public IRecognitionStream OpenStream() => CreateStream(_pool.Lease(_options.LeaseTimeout, CancellationToken.None));

    /// <inheritdoc />
    public async ValueTask<IRecognitionStream> OpenStreamAsync(CancellationToken cancellationToken = default) =>
        CreateStream(await _pool.LeaseAsync(cancellationToken).ConfigureAwait(false));

    public void Dispose() => _pool.Dispose();

    private PocketSphinxStream CreateStream(DecoderLease lease)
    {
        try
        {
            return new PocketSphinxStream(lease, _pool, _settings, _logger);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }
}
