namespace SpeechCluster.Client;

/// <summary>
/// One text-to-speech segment: a complete audio file (RIFF/WAVE or MP3) that arrived as one binary message,
/// however many frames it took. The event owns <see cref="Data"/>; nothing else writes to it.
/// </summary>
public sealed record TranslationAudio : TranslationEvent
{
    /// <summary>The whole file.</summary>
    public required ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>Id of the final this segment speaks (the last final received before it), if any.</summary>
    public string? ResultId { get; init; }

    /// <summary>Target language, from the segment's position after its final: the n-th segment speaks the
    /// n-th language of <see cref="SpeechTranslationOptions.To"/>. Null when there are more segments than targets.</summary>
    public string? Language { get; init; }

    /// <summary>File extension guessed from the leading bytes: <c>wav</c>, <c>mp3</c>, <c>ogg</c> or <c>bin</c>.</summary>
    public string FileExtension => AudioSniffer.Extension(Data.Span);
}
