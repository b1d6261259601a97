using SpeechCluster.Engines.Recognition;

namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// One utterance for Whisper. Audio accumulates; every <see cref="WhisperOptions.PartialInterval"/>
/// of new audio the open 30 s window is re-decoded (synchronously, in <see cref="AcceptAudio"/>) and
/// the partial follows the <see cref="StablePrefix"/> policy. Utterances longer than 30 s are cut
/// into consecutive windows; a full window is decoded once and its text kept.
/// </summary>
internal sealed class WhisperStream(WhisperModel model, int[] prompt, WhisperOptions options) : IRecognitionStream
{
    private static readonly int BlockSamples = WhisperLogMel.SampleRate / 10;
    private readonly List<short> _audio = [];
    private readonly List<string> _windowTexts = [];
    private readonly StablePrefix _partials = new();
    private readonly int _intervalSamples = Math.Max(1, (int)(options.PartialInterval.TotalSeconds * WhisperLogMel.SampleRate));
    private int _decodedUpTo;
    private string _partial = "";
    private bool _finished;

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
        var text = Hypothesis();
        var words = StablePrefix.Words(text);
        if (words.Length == 0)
        {
            return RecognitionResult.Empty;
        }

        // Without timestamp tokens Whisper says nothing of where words lie, so they are spread
        // evenly over the utterance: good enough for captions, not for alignment.
        var each = TimeSpan.FromSeconds((double)_audio.Count / WhisperLogMel.SampleRate / words.Length);
        return new RecognitionResult(
            string.Join(' ', words),
            words.Select((word, i) => new RecognizedWord(word, each * i, each)).ToList());
    }

    public void Dispose() => _finished = true;

    private int OpenWindowStart => _windowTexts.Count * WhisperLogMel.WindowSamples;

    /// <summary>The text of the closed windows and of the open one, decoded now.</summary>
    private string Hypothesis() =>
        string.Join(' ', _windowTexts.Append(Decode(OpenWindowStart, _audio.Count - OpenWindowStart)).Where(text => text.Length > 0));

    private void CloseFullWindows()
    {
        while (_audio.Count - OpenWindowStart >= WhisperLogMel.WindowSamples)
        {
            _windowTexts.Add(Decode(OpenWindowStart, WhisperLogMel.WindowSamples));
        }
    }

    private string Decode(int start, int count)
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

        return model.Transcribe(samples, prompt, options.LimitsFor(count));
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
