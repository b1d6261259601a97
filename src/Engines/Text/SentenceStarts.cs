namespace SpeechCluster.Engines.Text;

/// <summary>Capital letters at sentence starts, and the language's punctuation conventions on the finished text.</summary>
internal static class SentenceStarts
{
    /// <summary>Capitalises the first word, and every word after one that ends a sentence.</summary>
    public static void Capitalize(IReadOnlyList<TextWord> written)
    {
        var atStart = true;
        foreach (var word in written)
        {
            if (atStart)
            {
                WordCasing.CapitalizeFirst(word);
            }

            atStart = word.Trail.Length > 0 && word.Trail.TrimEnd('"', '\'', ')', '»').EndsWith(['.', '?', '!']);
        }
    }

    /// <summary>Applies <see cref="LanguageConventions"/>; the stable part shrinks to what the conventions left alone.</summary>
    public static TrueTextResult WithConventions(TrueTextResult result, string language)
    {
        var text = LanguageConventions.Apply(result.Text, language);
        if (ReferenceEquals(text, result.Text) || text == result.Text)
        {
            return result;
        }

        var same = 0;
        while (same < result.StableLength && same < text.Length && text[same] == result.Text[same])
        {
            same++;
        }

        return new TrueTextResult(text, result.StableLength == result.Text.Length ? text.Length : same);
    }
}
