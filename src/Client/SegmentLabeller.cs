namespace SpeechCluster.Client;

/// <summary>
/// Names TTS segments: a segment speaks the last final received before it, and with several targets the
/// n-th segment after a final speaks the n-th target (the multi-target extension sends them in order).
/// Used by the receive loop only; not thread-safe.
/// </summary>
internal sealed class SegmentLabeller(IReadOnlyList<string> targets)
{
    private string? _lastFinalId;
    private int _segmentsSinceFinal;

    public TranslationAudio Label(byte[] data) => new()
    {
        Data = data,
        ResultId = _lastFinalId,
        Language = _segmentsSinceFinal < targets.Count ? targets[_segmentsSinceFinal] : null,
    };

    public void Observe(TranslationEvent item)
    {
        switch (item)
        {
            case TranslationResult { IsFinal: true } final:
                _lastFinalId = final.Id;
                _segmentsSinceFinal = 0;
                break;
            case TranslationAudio:
                _segmentsSinceFinal++;
                break;
        }
    }
}
