using System.Runtime.InteropServices;

namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>
/// One PocketSphinx decoder (about 92 MiB): utterance calls, hypotheses, word segments and access
/// to its live cepstral mean. Owns its native handle; dispose frees it.
/// </summary>
/// <remarks>Not thread-safe: one thread at a time (the pool hands it to one stream at a time).</remarks>
internal sealed class PocketSphinxDecoder : IDisposable
{
    /// <summary>Feature frames per second (10 ms shift).</summary>
    public const int FramesPerSecond = 100;

    private const int SamplesPerFrame = 16000 / FramesPerSecond;

    private readonly DecoderHandle _handle;
    private long _streamSamples;
    private int _utteranceStartFrame;

    private PocketSphinxDecoder(DecoderHandle handle)
    {
        _handle = handle;
        CepstralMean = LiveCepstralMean.TryAttach(PocketSphinxNative.GetFeature(handle));
    }

    /// <summary>Access to the live CMN state, or null where the library's layout is not the expected one.</summary>
    public LiveCepstralMean? CepstralMean { get; }

    /// <summary>True between <see cref="StartUtterance"/> and <see cref="EndUtterance"/>.</summary>
    public bool InUtterance { get; private set; }

    /// <summary>Loads the models named by <paramref name="arguments"/> (name/value pairs). Slow: hundreds of ms.</summary>
    public static PocketSphinxDecoder Create(IReadOnlyList<KeyValuePair<string, string>> arguments)
    {
        NativeLog.EnsureConfigured();
        var argv = new nint[arguments.Count * 2];
        try
        {
            for (var i = 0; i < arguments.Count; i++)
            {
                argv[2 * i] = Marshal.StringToCoTaskMemUTF8(arguments[i].Key);
                argv[(2 * i) + 1] = Marshal.StringToCoTaskMemUTF8(arguments[i].Value);
            }

            using var config = NativeStatus.Check(
                SphinxBaseNative.ParseArguments(0, PocketSphinxNative.Args(), argv.Length, argv, strict: 1),
                "cmd_ln_parse_r",
                "unknown or malformed decoder argument");
            var handle = NativeStatus.Check(PocketSphinxNative.Init(config), "ps_init", "could not load the models (check the model paths)");
            return new PocketSphinxDecoder(handle);
        }
        finally
        {
            foreach (var pointer in argv)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    /// <summary>
    /// Starts an utterance. The decoder stays one audio "stream" for its whole life: restarting the
    /// stream per utterance (<c>ps_start_stream</c>) resets the noise estimate, which cost 3 WER
    /// points on the dev set. Word frames then count from the start of that stream, so the frame at
    /// which this utterance starts is remembered and subtracted (160 samples per frame).
    /// </summary>
    public void StartUtterance()
    {
        NativeStatus.Check(PocketSphinxNative.StartUtterance(_handle), "ps_start_utt");
        _utteranceStartFrame = (int)(_streamSamples / SamplesPerFrame);
        InUtterance = true;
    }

    /// <summary>
    /// Decodes 16 kHz samples. With <paramref name="wholeUtterance"/> the samples must be the entire
    /// utterance (one call between start and end): the library then normalises with batch CMN.
    /// </summary>
    public unsafe int Process(ReadOnlySpan<short> samples, bool wholeUtterance = false)
    {
        _streamSamples += samples.Length;
        fixed (short* data = samples)
        {
            return NativeStatus.Check(
                PocketSphinxNative.ProcessRaw(_handle, data, (nuint)samples.Length, noSearch: 0, wholeUtterance ? 1 : 0),
                "ps_process_raw");
        }
    }

    /// <summary>Ends the utterance; this runs the final passes (fwdflat, bestpath) when they are enabled.</summary>
    public void EndUtterance()
    {
        InUtterance = false;
        NativeStatus.Check(PocketSphinxNative.EndUtterance(_handle), "ps_end_utt");
    }

    /// <summary>The best hypothesis so far (lower case, no punctuation), "" when none.</summary>
    public string Hypothesis()
    {
        var text = PocketSphinxNative.GetHypothesis(_handle, out _);
        return text == 0 ? string.Empty : Marshal.PtrToStringUTF8(text) ?? string.Empty;
    }

    /// <summary>Frames searched in this utterance.</summary>
    public int FrameCount => PocketSphinxNative.GetFrameCount(_handle);

    /// <summary>The segments (words, silences, fillers) of the best hypothesis, in order.</summary>
    public List<DecodedSegment> Segments()
    {
        var segments = new List<DecodedSegment>();
        using var iterator = PocketSphinxNative.SegmentIterator(_handle);
        if (iterator.IsInvalid)
        {
            return segments;
        }

        do
        {
            var word = Marshal.PtrToStringUTF8(PocketSphinxNative.SegmentWord(iterator)) ?? string.Empty;
            PocketSphinxNative.SegmentFrames(iterator, out var start, out var end);
            segments.Add(new DecodedSegment(word, start - _utteranceStartFrame, end - _utteranceStartFrame));
        }
        while (iterator.MoveNext());

        return segments;
    }

    public void Dispose() => _handle.Dispose();
}

/// <summary>One segment of a hypothesis: the word (or &lt;sil&gt;, [NOISE]...) and its inclusive frames.</summary>
internal readonly record struct DecodedSegment(string Word, int StartFrame, int EndFrame);
