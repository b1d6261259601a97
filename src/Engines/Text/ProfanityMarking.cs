namespace SpeechCluster.Engines.Text;

/// <summary>Marks the words that form listed profanities (the renderer then masks, tags or drops them).</summary>
internal static class ProfanityMarking
{
    public static void Mark(IReadOnlyList<TextWord> words, ProfanityLexicon lexicon)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var length = lexicon.MatchAt(words, i);
            for (var k = i; k < i + length; k++)
            {
                words[k].Profane = true;
                words[k].ProfanityEnd = k == i + length - 1;
            }

            i += Math.Max(length, 1) - 1;
        }
    }
}
