using System.Collections.Frozen;
using System.Globalization;

namespace SpeechCluster.Engines.Text;

/// <summary>The written forms English numbers take: digits, ordinals, times, money, units.</summary>
internal static class EnglishNumberFormats
{
    /// <summary>Month names from .NET's English calendar data, lower-case, to their written form.</summary>
    public static readonly FrozenDictionary<string, string> Months = CultureInfo.GetCultureInfo("en").DateTimeFormat.MonthNames
        .Where(m => m.Length > 0)
        .ToFrozenDictionary(m => m.ToLowerInvariant(), m => m, StringComparer.Ordinal);

    /// <summary>Words after which a number is a measurement and is written in digits even below ten.</summary>
    public static readonly FrozenSet<string> Units = new[]
    {
        "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile", "meters", "metres", "meter", "metre",
        "centimeters", "centimetres", "millimeters", "millimetres", "feet", "foot", "inches", "inch", "yards", "yard",
        "kilograms", "kilogram", "kilos", "kilo", "grams", "gram", "pounds", "ounces", "ounce", "tons", "tonnes",
        "liters", "litres", "liter", "litre", "gallons", "gallon", "degrees", "degree", "cents", "cent", "yen", "yuan",
        "kilobytes", "megabytes", "gigabytes", "terabytes", "hertz", "volts", "watts", "mph",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Currency names written as a symbol before the number.</summary>
    public static readonly FrozenDictionary<string, string> CurrencySymbols = new Dictionary<string, string>
    {
        ["dollars"] = "$", ["dollar"] = "$", ["euros"] = "€", ["euro"] = "€",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Digits, with thousands separators from five digits on ("5000", "25,000").</summary>
    public static string Cardinal(long value) =>
        value >= 10_000 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    public static string Ordinal(long value)
    {
        var suffix = (value % 100) is >= 11 and <= 13 ? "th" : (value % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return Cardinal(value) + suffix;
    }

    /// <summary>"a m", "am", "a.m" and the "p" forms: the meridiem marker and how many words it took.</summary>
    public static (string Marker, int Count)? Meridiem(IReadOnlyList<TextWord> words, int i)
    {
        if (i >= words.Count)
        {
            return null;
        }

        var key = words[i].Key;
        if (key is "am" or "a.m" or "pm" or "p.m")
        {
            return (key[0] == 'a' ? "AM" : "PM", 1);
        }

        if (key is "a" or "p" && i + 1 < words.Count && words[i + 1].Key == "m")
        {
            return (key == "a" ? "AM" : "PM", 2);
        }

        return null;
    }
}
