namespace SpeechCluster.Engines.Text;

/// <summary>
/// The steps for a translation: sentence-start capitals, a final stop if the translator dropped it,
/// profanity in the target language, and the target's punctuation conventions.
/// </summary>
internal static class TranslationPass
{
    public static TrueTextResult Run(TrueTextRequest request, LanguageResources language)
    {
        var words = WordTokenizer.Split(request.Text.Trim(), keepPunctuation: true);
        if (words.Count == 0)
        {
            return new TrueTextResult("", 0);
        }

        if (request.IsFinal && !words[^1].Trail.Any(c => c is '.' or '?' or '!'))
        {
            words[^1].Trail += ".";
        }

        SentenceStarts.Capitalize(words);
        ProfanityMarking.Mark(words, language.Profanity);

        // A partial translation is retranslated as a whole each time, so no part of it is promised stable.
        var bound = request.IsFinal ? int.MaxValue : 0;
        var result = TextRenderer.Render(words, DisfluencyMode.Raw, request.ProfanityAction, request.ProfanityMarker, bound);
        return SentenceStarts.WithConventions(result, language.Language);
    }
}
