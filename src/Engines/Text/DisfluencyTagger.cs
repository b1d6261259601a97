namespace SpeechCluster.Engines.Text;

/// <summary>
/// Marks disfluent words, conservatively: a word is dropped only on plain evidence (a filler, an
/// immediate repetition, a cut-off word and the words it restarts), never to tidy up meaning words.
/// Every decision about word i looks at most <see cref="Lookahead"/> words ahead, which bounds how
/// much of a growing partial can still change.
/// </summary>
internal static class DisfluencyTagger
{
    /// <summary>The longest repeated phrase recognised ("it was it was").</summary>
    public const int MaxRepeat = 3;

    /// <summary>Fillers skipped between a phrase and its repetition ("the uh the").</summary>
    private const int MaxFillersBetween = 2;

    /// <summary>How many words after word i its decision may depend on.</summary>
    public const int Lookahead = (2 * MaxRepeat) - 1 + MaxFillersBetween;

    public static void Tag(List<TextWord> words, LanguageRules rules)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var key = words[i].Key;
            if (rules.Fillers.Contains(key) || (rules.FillersBeforeWords.Contains(key) && i + 1 < words.Count && !IsFiller(words[i + 1], rules)
                && !(i > 0 && IsNumber(words[i - 1]) && IsNumber(words[i + 1]))))
            {
                words[i].Disfluent = true;
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].IsFragment)
            {
                words[i].Disfluent = true;
                MarkRestart(words, i, rules);
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Disfluent)
            {
                continue;
            }

            for (var n = MaxRepeat; n >= 1; n--)
            {
                if (RepeatsAt(words, i, n, rules))
                {
                    for (var k = i; k < words.Count && n > 0; k++)
                    {
                        if (!words[k].Disfluent)
                        {
                            words[k].Disfluent = true;
                            n--;
                        }
                    }

                    break;
                }
            }
        }
    }

    /// <summary>"oh" between numbers is a zero ("ten oh five").</summary>
    private static bool IsNumber(TextWord word) => EnglishNumberWords.TryGet(word.Key, out _);

    private static bool IsFiller(TextWord word, LanguageRules rules) =>
        rules.Fillers.Contains(word.Key) || rules.FillersBeforeWords.Contains(word.Key);

    /// <summary>Whether the n fluent words from i are said again right after (fillers between allowed).</summary>
    private static bool RepeatsAt(List<TextWord> words, int i, int n, LanguageRules rules)
    {
        Span<int> first = stackalloc int[MaxRepeat];
        var k = i;
        for (var taken = 0; taken < n; k++)
        {
            if (k >= words.Count || (taken > 0 && IsFiller(words[k], rules)) || words[k].IsFragment)
            {
                return false;
            }

            first[taken++] = k;
        }

        if (n == 1 && rules.IntentionalRepeats.Contains(words[i].Key))
        {
            return false;
        }

        var fillers = 0;
        while (k < words.Count && words[k].Disfluent && IsFiller(words[k], rules) && fillers < MaxFillersBetween)
        {
            k++;
            fillers++;
        }

        if (words[first[n - 1]].Trail.Length > 0)
        {
            // "Shit, shit!": punctuation between the two says the speaker meant both.
            return false;
        }

        for (var t = 0; t < n; t++, k++)
        {
            if (k >= words.Count || words[k].Key != words[first[t]].Key)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"we should- we could": the words before the cut-off that the speaker says again after it.</summary>
    private static void MarkRestart(List<TextWord> words, int fragment, LanguageRules rules)
    {
        for (var n = Math.Min(MaxRepeat - 1, fragment); n >= 1; n--)
        {
            var start = fragment - n;
            var matches = fragment + n < words.Count;
            for (var t = 0; matches && t < n; t++)
            {
                matches = words[start + t].Key == words[fragment + 1 + t].Key && !IsFiller(words[start + t], rules);
            }

            if (matches)
            {
                for (var t = start; t < fragment; t++)
                {
                    words[t].Disfluent = true;
                }

                return;
            }
        }
    }
}
