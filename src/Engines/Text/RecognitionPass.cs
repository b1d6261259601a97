namespace SpeechCluster.Engines.Text;

/// <summary>The steps for a recognition: disfluencies, numbers, casing, punctuation, profanity, conventions.</summary>
internal static class RecognitionPass
{
    /// <summary>Words of a partial this close to its end may still change (see <see cref="DisfluencyTagger.Lookahead"/>).</summary>
    private const int Lookahead = DisfluencyTagger.Lookahead + 1;

    public static TrueTextResult Run(TrueTextRequest request, LanguageResources language)
    {
        var text = request.Text.Trim();
        if (text.Length == 0)
        {
            return new TrueTextResult("", 0);
        }

        var formatted = WordTokenizer.IsFormatted(text);
        var words = WordTokenizer.Split(text, keepPunctuation: formatted);
        DisfluencyTagger.Tag(words, language.Rules);
        var fluent = words.Where(w => !w.Disfluent).ToList();
        if (language.IsEnglish)
        {
            EnglishInverseTextNormalizer.Apply(fluent);
        }

        var visible = fluent.Where(w => !w.Hidden).ToList();
        if (!formatted)
        {
            WordCasing.Apply(words, language.Casing, language.IsEnglish);
            if (language.IsEnglish)
            {
                EnglishPunctuator.Apply(visible, request.IsFinal);
            }
            else if (request.IsFinal && visible.Count > 0)
            {
                visible[^1].Trail += language.Rules.QuestionWords.Contains(visible[0].Key) ? "?" : ".";
            }
        }
        else if (request.IsFinal && visible.Count > 0 && !visible[^1].Trail.Any(c => c is '.' or '?' or '!'))
        {
            visible[^1].Trail += ".";
        }

        var written = request.Disfluency == DisfluencyMode.Raw ? words.Where(w => !w.Hidden).ToList() : visible;
        SentenceStarts.Capitalize(written);
        ProfanityMarking.Mark(visible, language.Profanity);
        var bound = request.IsFinal ? int.MaxValue : StableBound(words, language);
        var result = TextRenderer.Render(words, request.Disfluency, request.ProfanityAction, request.ProfanityMarker, bound);
        return SentenceStarts.WithConventions(result, language.Language);
    }

    /// <summary>The first input word whose rendering may still change as the partial grows.</summary>
    private static int StableBound(List<TextWord> words, LanguageResources language)
    {
        var bound = Math.Max(0, words.Count - Lookahead);
        int previous;
        do
        {
            previous = bound;
            while (language.IsEnglish && bound > 0 && IsNumberish(words, bound - 1))
            {
                bound--;
            }

            for (var start = Math.Max(0, bound - language.Profanity.MaxPhraseWords + 1); start < bound; start++)
            {
                if (language.Profanity.BeginsPhrase(words, start, bound))
                {
                    bound = start;
                    break;
                }
            }
        }
        while (bound != previous);
        return bound;
    }

    private static bool IsNumberish(List<TextWord> words, int i)
    {
        var key = words[i].Key;
        if (IsNumberWord(key) || EnglishNumberFormats.Months.ContainsKey(key) || key.TrimEnd('.').Length == 1)
        {
            return true;
        }

        // Connectors count when a number is beside them ("one hundred AND five", "A thousand").
        return key is "and" or "point" or "oh" or "a" or "per"
            && ((i > 0 && IsNumberWord(words[i - 1].Key)) || (i + 1 < words.Count && IsNumberWord(words[i + 1].Key)));
    }

    private static bool IsNumberWord(string key) =>
        key.Length > 0 && (char.IsDigit(key[0]) || EnglishNumberWords.TryGet(key, out _)
            || (key.Contains('-') && key.Split('-').All(part => EnglishNumberWords.TryGet(part, out _))));
}
