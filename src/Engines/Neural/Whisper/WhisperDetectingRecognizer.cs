using SpeechCluster.Engines.Recognition;

namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// Recognition of an utterance in whichever of several locales it is spoken, with a shared
/// multilingual <see cref="WhisperModel"/> that detects the language of each utterance among them
/// (see <see cref="WhisperStream"/> for when). Thread-safe and cheap, like <see cref="WhisperRecognizer"/>.
/// </summary>
public sealed class WhisperDetectingRecognizer : ISpeechRecognizer
{
    private readonly WhisperModel _model;
    private readonly WhisperOptions _options;
    private readonly WhisperCandidates _candidates;

    /// <param name="locales">Two or more locales of different languages; a tie in detection goes to the earlier.</param>
    /// <exception cref="NotSupportedException">
    /// The model is English-only, does not know a locale's language, or two locales are one language to it.
    /// </exception>
    public WhisperDetectingRecognizer(WhisperModel model, IReadOnlyList<string> locales, WhisperOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(locales);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PartialInterval, TimeSpan.Zero, nameof(WhisperOptions.PartialInterval));
        if (!model.IsMultilingual)
        {
            throw new NotSupportedException($"The Whisper model {model.Name} is English-only; it cannot detect the language.");
        }

        if (locales.Count < 2)
        {
            throw new NotSupportedException("Detecting the language takes two or more candidate locales.");
        }

        _model = model;
        _options = options;
        _candidates = new WhisperCandidates(model, locales);
        Locale = string.Join(RecognizerDirectory.CandidateSeparator, locales);
    }

    /// <summary>The candidate locales, joined by commas.</summary>
    public string Locale { get; }

    public string Model => _model.Name;

    public IReadOnlyList<string> Locales => _candidates.Locales;

    public IRecognitionStream OpenStream() => new WhisperStream(_model, _candidates, _options);

    public ValueTask<IRecognitionStream> OpenStreamAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(OpenStream());
    }

    /// <summary>Nothing to free: the model is shared and owned by whoever loaded it.</summary>
    public void Dispose()
    {
    }
}
