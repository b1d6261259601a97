using System.Collections.Frozen;
using System.Globalization;
using Humanizer;

namespace SpeechCluster.Engines.Text;

/// <summary>
/// English number words, cardinal and ordinal, taken from Humanizer's number-to-words tables (so the
/// spelling is maintained there, not typed here). Immutable, built once.
/// </summary>
internal static class EnglishNumberWords
{
    private static readonly Lazy<FrozenDictionary<string, NumberWord>> s_words = new(Build);

    public static bool TryGet(string word, out NumberWord number) => s_words.Value.TryGetValue(word, out number);

    private static FrozenDictionary<string, NumberWord> Build()
    {
        var culture = CultureInfo.GetCultureInfo("en");
        var words = new Dictionary<string, NumberWord>(StringComparer.Ordinal);
        void Add(long value, NumberWordKind kind)
        {
            var number = (int)value;
            // "one hundred" -> "hundred", "hundredth": the last word names the value.
            words[number.ToWords(culture).Split(' ')[^1]] = new NumberWord(value, kind, Ordinal: false);
            if (value > 0)
            {
                words[number.ToOrdinalWords(culture).Split(' ')[^1]] = new NumberWord(value, kind, Ordinal: true);
            }
        }

        for (var n = 0; n < 20; n++)
        {
            Add(n, n < 10 ? NumberWordKind.Unit : NumberWordKind.Teen);
        }

        for (var n = 20; n < 100; n += 10)
        {
            Add(n, NumberWordKind.Tens);
        }

        Add(100, NumberWordKind.Hundred);
        Add(1_000, NumberWordKind.Scale);
        Add(1_000_000, NumberWordKind.Scale);
        Add(1_000_000_000, NumberWordKind.Scale);
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
