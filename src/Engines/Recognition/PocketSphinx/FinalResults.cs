namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>Turns a decoder's best hypothesis into a <see cref="RecognitionResult"/> with word timings.</summary>
internal static class FinalResults
{
    private static readonly TimeSpan FrameDuration = TimeSpan.FromSeconds(1.0 / PocketSphinxDecoder.FramesPerSecond);

    /// <summary>Reads the hypothesis and its words; call after <c>EndUtterance</c>.</summary>
    public static RecognitionResult From(PocketSphinxDecoder decoder)
    {
        var words = new List<RecognizedWord>();
        foreach (var segment in decoder.Segments())
        {
            if (IsWord(segment.Word))
            {
                words.Add(new RecognizedWord(
                    StripAlternative(segment.Word),
                    segment.StartFrame * FrameDuration,
                    (segment.EndFrame - segment.StartFrame + 1) * FrameDuration));
            }
        }

        var text = decoder.Hypothesis();
        return text.Length == 0 && words.Count == 0 ? RecognitionResult.Empty : new RecognitionResult(text, words);
    }

    /// <summary>
    /// Sentence marks (&lt;s&gt;, &lt;/s&gt;), silence (&lt;sil&gt;) and fillers ([NOISE], ++BREATH++)
    /// are segments but not words.
    /// </summary>
    internal static bool IsWord(string word) =>
        word.Length > 0 && word[0] is not ('<' or '[') && !word.StartsWith("++", StringComparison.Ordinal);

    /// <summary>Pronunciation variants come back as "word(2)"; the hypothesis text has the plain word.</summary>
    internal static string StripAlternative(string word)
    {
        var open = word.IndexOf('(');
        return open > 0 && word.EndsWith(')') ? word[..open] : word;
    }
}
