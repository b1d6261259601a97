namespace SpeechCluster.Engines.Recognition;

/// <summary>A speech recognizer for one locale. Thread-safe; expensive state is pooled inside.</summary>
public interface ISpeechRecognizer : IDisposable
{
    /// <summary>
    /// The locale it recognizes, e.g. <c>en-US</c>; for a recognizer that detects the spoken
    /// language, its candidate locales joined by commas (<c>en-US,es-ES</c>).
    /// </summary>
    string Locale { get; }

    /// <summary>The model it runs (<c>pocketsphinx</c>, <c>whisper-tiny</c>), as catalogs and error messages name it.</summary>
    string Model { get; }

    /// <summary>
    /// Starts one utterance. The stream leases a decoder from the pool until it is disposed, so
    /// partial hypotheses are incremental rather than re-decoded from the start.
    /// </summary>
    IRecognitionStream OpenStream();

    /// <summary>
    /// Like <see cref="OpenStream"/>, but waits without blocking a thread while every pooled decoder
    /// is leased, until one is returned or <paramref name="cancellationToken"/> fires.
    /// </summary>
    ValueTask<IRecognitionStream> OpenStreamAsync(CancellationToken cancellationToken = default);
}
