using System.Text;

namespace SpeechCluster.Engines.Text;

/// <summary>Writes the words out: disfluencies by mode, profanities by action and marker, and where the stable part ends.</summary>
internal static class TextRenderer
{
    public const string DisfluencyOpen = "<disfluency>";
    public const string DisfluencyClose = "</disfluency>";
    public const string ProfanityOpen = "<profanity>";
    public const string ProfanityClose = "</profanity>";

    /// <param name="stableBound">Words from this input index on may still change; int.MaxValue for a final.</param>
    public static TrueTextResult Render(List<TextWord> words, DisfluencyMode mode, ProfanityAction action, ProfanityMarker marker, int stableBound)
    {
        var text = new StringBuilder();
        var stable = 0;
        var inDisfluency = false;
        var inProfanity = false;
        string pendingTrail = "";
        foreach (var word in words)
        {
            if (word.Hidden || (word.Disfluent && mode == DisfluencyMode.Removed))
            {
                continue;
            }

            var labeled = word.Disfluent && mode == DisfluencyMode.Labeled;
            if (inDisfluency && !labeled)
            {
                text.Append(DisfluencyClose);
                inDisfluency = false;
            }

            var profane = word.Profane && !word.Disfluent && action != ProfanityAction.NoAction;
            if (profane && action == ProfanityAction.Deleted)
            {
                // The word goes; its punctuation (a final "?") stays on the word before.
                pendingTrail += word.Trail;
                continue;
            }

            AppendPending(text, ref pendingTrail);
            var hideWord = profane && marker == ProfanityMarker.Asterisk && inProfanity;
            if (!hideWord)
            {
                Space(text);
                text.Append(word.Lead);
                if (labeled && !inDisfluency)
                {
                    text.Append(DisfluencyOpen);
                    inDisfluency = true;
                }

                if (profane && !inProfanity && marker == ProfanityMarker.Tag)
                {
                    text.Append(ProfanityOpen);
                }

                text.Append(profane && marker == ProfanityMarker.Asterisk ? "***" : word.Display);
            }

            inProfanity = profane && !word.ProfanityEnd;
            if (profane && word.ProfanityEnd && marker == ProfanityMarker.Tag)
            {
                text.Append(ProfanityClose);
            }

            if (word.SourceEnd < stableBound && !inProfanity)
            {
                stable = text.Length;
            }

            if (!labeled)
            {
                text.Append(word.Trail);
            }
        }

        if (inDisfluency)
        {
            text.Append(DisfluencyClose);
        }

        AppendPending(text, ref pendingTrail);
        var result = text.ToString();
        return new TrueTextResult(result, stableBound == int.MaxValue ? result.Length : Math.Min(stable, result.Length));
    }

    private static void Space(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != ' ')
        {
            text.Append(' ');
        }
    }

    private static void AppendPending(StringBuilder text, ref string pending)
    {
        if (pending.Length > 0 && text.Length > 0)
        {
            text.Append(pending);
        }

        pending = "";
    }
}
