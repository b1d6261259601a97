namespace SpeechCluster.Engines.Text;

/// <summary>
/// Reads the longest well-formed English number at a position: "two hundred and five", "twenty-first",
/// "a thousand". Ill-formed sequences stop the phrase ("three thirty" is two phrases, which the time
/// rule joins; "nineteen ninety" likewise for years).
/// </summary>
internal static class NumberPhraseReader
{
    public static NumberPhrase? Read(IReadOnlyList<TextWord> words, int start)
    {
        var first = words[start].Key;
        if (first.Length == 0 || (!char.IsDigit(first[0]) && first != "a" && !EnglishNumberWords.TryGet(FirstPart(first), out _)))
        {
            return null;
        }

        var state = new State();
        var count = 0;
        var startsWithWord = !char.IsDigit(words[start].Key[0]);
        for (var i = start; i < words.Count && !state.Ended; i++)
        {
            var key = words[i].Key;
            var snapshot = state;
            if (key == "a" && i == start && NextIsMultiplier(words, i))
            {
                state.Current = 1;
                state.Previous = NumberWordKind.Unit;
                count++;
                continue;
            }

            if (key == "and" && count > 0 && state.Previous is NumberWordKind.Hundred or NumberWordKind.Scale
                && i + 1 < words.Count && EnglishNumberWords.TryGet(FirstPart(words[i + 1].Key), out var next)
                && next.Kind is NumberWordKind.Unit or NumberWordKind.Teen or NumberWordKind.Tens)
            {
                count++;
                continue;
            }

            if (!TryAddWord(ref state, key))
            {
                state = snapshot;
                break;
            }

            count++;
        }

        if (count == 0 || state.Previous is null)
        {
            return null;
        }

        return new NumberPhrase(state.Total + state.Current, count, state.Ordinal, state.Previous.Value, startsWithWord);
    }

    private static bool NextIsMultiplier(IReadOnlyList<TextWord> words, int i) =>
        i + 1 < words.Count && EnglishNumberWords.TryGet(words[i + 1].Key, out var next)
        && next.Kind is NumberWordKind.Hundred or NumberWordKind.Scale && !next.Ordinal;

    private static bool TryAddWord(ref State state, string key)
    {
        if (key.Length > 0 && char.IsDigit(key[0]))
        {
            // Digits the recognizer already wrote ("5000") count as one finished group.
            if (state.Previous is not null || !long.TryParse(key, out var digits))
            {
                return false;
            }

            state.Current = digits;
            state.Previous = NumberWordKind.Tens;
            state.Ended = true;
            return true;
        }

        if (!key.Contains('-'))
        {
            return EnglishNumberWords.TryGet(key, out var single) && !state.Ended && TryAdd(ref state, single);
        }

        foreach (var part in key.Split('-'))
        {
            if (!EnglishNumberWords.TryGet(part, out var word) || state.Ended || !TryAdd(ref state, word))
            {
                return false;
            }
        }

        return true;
    }

    private static string FirstPart(string key)
    {
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? key : key[..dash];
    }

    private static bool TryAdd(ref State state, NumberWord word)
    {
        var previous = state.Previous;
        switch (word.Kind)
        {
            case NumberWordKind.Unit when word.Value == 0:
                if (previous is not null)
                {
                    return false;
                }

                state.Ended = true;
                break;
            case NumberWordKind.Unit:
                if (!(state.Current % 100 == 0 && previous is not (NumberWordKind.Unit or NumberWordKind.Teen))
                    && previous != NumberWordKind.Tens)
                {
                    return false;
                }

                state.Current += word.Value;
                break;
            case NumberWordKind.Teen or NumberWordKind.Tens:
                if (state.Current % 100 != 0 || previous is NumberWordKind.Unit or NumberWordKind.Teen or NumberWordKind.Tens)
                {
                    return false;
                }

                state.Current += word.Value;
                break;
            case NumberWordKind.Hundred:
                if (previous is not (NumberWordKind.Unit or NumberWordKind.Teen) || state.Current >= 100)
                {
                    return false;
                }

                state.Current *= 100;
                break;
            default:
                if (previous is null or NumberWordKind.Scale || state.Current == 0 || word.Value >= state.LastScale)
                {
                    return false;
                }

                state.Total += state.Current * word.Value;
                state.Current = 0;
                state.LastScale = word.Value;
                break;
        }

        state.Previous = word.Kind;
        state.Ordinal = word.Ordinal;
        state.Ended |= word.Ordinal;
        return true;
    }

    private struct State
    {
        public State()
        {
        }

        public long Total { get; set; }

        public long Current { get; set; }

        public long LastScale { get; set; } = long.MaxValue;

        public NumberWordKind? Previous { get; set; }

        public bool Ordinal { get; set; }

        public bool Ended { get; set; }
    }
}
