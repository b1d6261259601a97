using SpeechCluster.Engines.Recognition;

namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// One utterance for Whisper. Audio accumulates; every <see cref="WhisperOptions.PartialInterval"/>
/// of new audio the open 30 s window is re-decoded (synchronously, in <see cref="AcceptAudio"/>, in a
/// batch with other streams' decodes) and the partial follows the <see cref="StablePrefix"/> policy. Utterances longer than 30 s are cut
/// into consecutive windows; a full window is decoded once and its text kept.
/// </summary>
/// <remarks>
/// With several candidate locales the language is detected: by the first decode (usually the first
/// partial's), again when the first 30 s window closes, and again by the final of an utterance that
/// fits one window. In between, partials keep the language they have: re-detected on every
/// re-decode it could flip on a second of ambiguous audio, and the words <see cref="StablePrefix"/>
/// has committed in one language would be followed by a hypothesis in another. The final detects
/// again because it has the whole utterance, the most evidence, and replaces the partials anyway;
/// after a closed window the language stays that window's (30 s of evidence), so that the windows'
/// texts are in one language.
/// </remarks>
internal sealed class WhisperStream(WhisperModel model, WhisperCandidates candidates, WhisperOptions options) : IRecognitionStream
{
    private static readonly int BlockSamples = WhisperLogMel.SampleRate / 10;
    private readonly List<short> _audio = [];
    private readonly List<string> _windowTexts = [];
    private readonly StablePrefix _partials = new();
    private readonly int _intervalSamples = Math.Max(1, (int)(options.PartialInterval.TotalSeconds * WhisperLogMel.SampleRate));
    private int _decodedUpTo;
    private string _partial = "";
    private bool _finished;

    // The index of the candidate decodes use; null until a detection (always 0 with one candidate).
    private int? _language = candidates.Detects ? null : 0;

    public string? Language => candidates.Detects && _language is { } chosen ? candidates.Locales[chosen] : null;

    public string AcceptAudio(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        foreach (var sample in samples)
        {
            _audio.Add(sample);
        }

        CloseFullWindows();
        if (_audio.Count - _decodedUpTo >= _intervalSamples)
        {
            _decodedUpTo = _audio.Count;
            _partial = _partials.Update(Hypothesis());
        }

        return _partial;
    }

    public RecognitionResult Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        CloseFullWindows();
        var text = Hypothesis(detect: _windowTexts.Count == 0);
        var words = StablePrefix.Words(text);
        if (words.Length == 0)
        {
            return Language is { } empty ? RecognitionResult.Empty with { Language = empty } : RecognitionResult.Empty;
        }

        // Without timestamp tokens Whisper says nothing of where words lie, so they are spread
        // evenly over the utterance: good enough for captions, not for alignment.
        var each = TimeSpan.FromSeconds((double)_audio.Count / WhisperLogMel.SampleRate / words.Length);
        return new RecognitionResult(
            string.Join(' ', words),
            words.Select((word, i) => new RecognizedWord(word, each * i, each)).ToList())
        {
            Language = Language,
        };
    }

    public void Dispose() => _finished = true;

    private int OpenWindowStart => _windowTexts.Count * WhisperLogMel.WindowSamples;

    /// <summary>The text of the closed windows and of the open one, decoded now.</summary>
    private string Hypothesis(bool detect = false) =>
        string.Join(' ', _windowTexts.Append(Decode(OpenWindowStart, _audio.Count - OpenWindowStart, detect)).Where(text => text.Length > 0));

    private void CloseFullWindows()
    {
        while (_audio.Count - OpenWindowStart >= WhisperLogMel.WindowSamples)
        {
            _windowTexts.Add(Decode(OpenWindowStart, WhisperLogMel.WindowSamples, detect: _windowTexts.Count == 0));
        }
    }

    /// <param name="detect">Detect the language afresh (it is detected anyway while none is chosen).</param>
    private string Decode(int start, int count, bool detect)
    {
        if (count == 0 || LoudestBlockDbfs(start, count) < options.SilenceThresholdDbfs)
        {
            return "";
        }

        var samples = new float[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = _audio[start + i] / 32768f;
        }

        var limits = options.LimitsFor(count);
        if (_language is { } chosen && !(detect && candidates.Detects))
        {
            return model.Transcribe(samples, candidates.Prompts[chosen], limits);
        }

        var (language, text) = model.DetectAndTranscribe(samples, candidates.Languages, limits);
        _language = language;
        return text;
    }

    /// <summary>The level of the loudest 100 ms block, so that speech among long pauses still counts.</summary>
    private double LoudestBlockDbfs(int start, int count)
    {
        var loudest = 0.0;
        for (var block = start; block < start + count; block += BlockSamples)
        {
            var end = Math.Min(block + BlockSamples, start + count);
            var sum = 0.0;
            for (var i = block; i < end; i++)
            {
                sum += (double)_audio[i] * _audio[i];
            }

            loudest = Math.Max(loudest, sum / (end - block));
        }

        return 10 * Math.Log10(loudest / (32768.0 * 32768.0) + 1e-20);
    }
}
