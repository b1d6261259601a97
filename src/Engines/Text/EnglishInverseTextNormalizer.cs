namespace SpeechCluster.Engines.Text;

/// <summary>
/// Rewrites spoken English numbers in written form: "twenty five percent" -> "25%", "three thirty p m"
/// -> "3:30 PM", "nineteen ninety nine" -> "1999", "may third" -> "May 3", "five dollars" -> "$5",
/// "twenty first" -> "21st", "f b i" -> "FBI". One plain word below ten stays a word ("one of them").
/// Works on the fluent words, so a filler inside a number does not break it.
/// </summary>
internal static class EnglishInverseTextNormalizer
{
    public static void Apply(List<TextWord> fluent)
    {
        for (var i = 0; i < fluent.Count; i++)
        {
            if (fluent[i].Hidden)
            {
                continue;
            }

            var letters = SpelledLetters(fluent, i);
            if (letters > 0)
            {
                Merge(fluent, i, letters, string.Concat(fluent.Skip(i).Take(letters).Select(w => w.Key.TrimEnd('.').ToUpperInvariant())));
                continue;
            }

            if (NumberPhraseReader.Read(fluent, i) is { } number)
            {
                var (text, count) = Rewrite(fluent, i, number);
                if (text is not null)
                {
                    Merge(fluent, i, count, text);
                }

                i += count - 1;
            }
        }
    }

    private static (string? Text, int Count) Rewrite(List<TextWord> words, int i, NumberPhrase number)
    {
        var next = i + number.Count;
        if (!number.Ordinal && number.Count == 1 && number.Value is >= 1 and <= 12 && number.StartsWithWord)
        {
            if (Time(words, i, next, number.Value) is { } time)
            {
                return time;
            }
        }

        if (!number.Ordinal && number.Count == 1 && number.Value is >= 11 and <= 29 && TwoDigits(words, next) is { } late)
        {
            return ((number.Value * 100 + late.Value).ToString(System.Globalization.CultureInfo.InvariantCulture), number.Count + late.Count);
        }

        if (i > 0 && EnglishNumberFormats.Months.TryGetValue(words[i - 1].Key, out var month) && number.Value is >= 1 and <= 31
            && (words[i - 1].Key != "may" || number.Ordinal))
        {
            words[i - 1].Display = month;
            words[i - 1].CasingFixed = true;
            return (EnglishNumberFormats.Cardinal(number.Value), number.Count);
        }

        var written = number.Ordinal ? EnglishNumberFormats.Ordinal(number.Value) : EnglishNumberFormats.Cardinal(number.Value);
        var count = number.Count;
        if (!number.Ordinal && next + 1 < words.Count && words[next].Key == "point" && Digits(words, next + 1) is { Length: > 0 } decimals)
        {
            written += "." + decimals;
            count += 1 + decimals.Length;
        }

        var hasDecimals = count > number.Count;
        var unit = i + count < words.Count ? words[i + count].Key : "";
        if (number.Ordinal)
        {
            return number.IsSmall && !OfMonth(words, next) ? (null, count) : (written, count);
        }

        if (unit == "percent" || (unit == "per" && i + count + 1 < words.Count && words[i + count + 1].Key == "cent"))
        {
            return (written + "%", count + (unit == "per" ? 2 : 1));
        }

        if (EnglishNumberFormats.CurrencySymbols.TryGetValue(unit, out var symbol))
        {
            return Money(words, i + count + 1, symbol + written, count + 1);
        }

        if (EnglishNumberFormats.Units.Contains(unit) || !number.IsSmall || hasDecimals)
        {
            return number.StartsWithWord || hasDecimals ? (written, count) : (null, count);
        }

        return (null, count);
    }

    /// <summary>"three thirty", "three oh five", "three p m", "three thirty a m".</summary>
    private static (string, int)? Time(List<TextWord> words, int i, int next, long hour)
    {
        var minutes = -1L;
        var count = 1;
        if (next + 1 < words.Count && words[next].Key == "oh" && NumberPhraseReader.Read(words, next + 1) is { Count: 1, Value: >= 1 and <= 9, Ordinal: false } single)
        {
            minutes = single.Value;
            count += 2;
        }
        else if (TwoDigits(words, next) is { Value: >= 10 and <= 59 } pair)
        {
            minutes = pair.Value;
            count += pair.Count;
        }

        var meridiem = EnglishNumberFormats.Meridiem(words, i + count);
        if (minutes < 0 && meridiem is null)
        {
            return null;
        }

        var text = minutes < 0 ? hour.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{hour}:{minutes:00}";
        return meridiem is { } m ? ($"{text} {m.Marker}", count + m.Count) : (text, count);
    }

    /// <summary>A two-digit group: "ninety nine", "fifteen", "oh five" (as 5).</summary>
    private static (long Value, int Count)? TwoDigits(List<TextWord> words, int at)
    {
        if (at >= words.Count)
        {
            return null;
        }

        if (words[at].Key == "oh" && NumberPhraseReader.Read(words, at + 1) is { Count: 1, Value: >= 1 and <= 9, Ordinal: false } unit)
        {
            return (unit.Value, 2);
        }

        return NumberPhraseReader.Read(words, at) is { Value: >= 10 and <= 99, Ordinal: false, StartsWithWord: true, Last: not NumberWordKind.Hundred } pair
            && pair.Count <= 2 ? (pair.Value, pair.Count) : null;
    }

    private static string Digits(List<TextWord> words, int at)
    {
        var digits = "";
        for (var k = at; k < words.Count && NumberPhraseReader.Read(words, k) is { Count: 1, Value: <= 9, Ordinal: false, StartsWithWord: true } d; k++)
        {
            digits += d.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return digits;
    }

    private static (string, int) Money(List<TextWord> words, int after, string written, int count)
    {
        if (after + 1 < words.Count && words[after].Key == "and" && NumberPhraseReader.Read(words, after + 1) is { Value: <= 99, Ordinal: false } cents
            && after + 1 + cents.Count < words.Count && words[after + 1 + cents.Count].Key is "cents" or "cent")
        {
            return ($"{written}.{cents.Value:00}", count + cents.Count + 2);
        }

        return (written, count);
    }

    private static bool OfMonth(List<TextWord> words, int at) =>
        at + 1 < words.Count && words[at].Key == "of" && EnglishNumberFormats.Months.ContainsKey(words[at + 1].Key);

    /// <summary>A run of spelled letters ("f b i", "u s a"); 0 when there is none.</summary>
    private static int SpelledLetters(List<TextWord> words, int i)
    {
        var n = 0;
        var hasWordLetter = false;
        while (i + n < words.Count && words[i + n].Key.TrimEnd('.') is { Length: 1 } letter && char.IsAsciiLetterLower(letter[0]))
        {
            hasWordLetter |= letter is "a" or "i";
            n++;
        }

        return n >= 3 || (n == 2 && !hasWordLetter) ? n : 0;
    }

    private static void Merge(List<TextWord> words, int i, int count, string text)
    {
        var head = words[i];
        head.Display = text;
        head.Key = text.ToLowerInvariant();
        head.CasingFixed = true;
        for (var k = i + 1; k < i + count; k++)
        {
            words[k].Hidden = true;
            head.SourceEnd = words[k].SourceEnd;
        }
    }
}
