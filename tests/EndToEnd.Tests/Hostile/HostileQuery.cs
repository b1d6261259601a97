using CsCheck;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>
/// Generators of <c>/speech/translate</c> handshakes: a valid request, now and then without one of
/// its parameters, plus parameters of the real set and noise in any case, with good, odd, empty,
/// very long and non-ASCII values, duplicates, and raw query text that is not well encoded.
/// </summary>
internal static class HostileQuery
{
    /// <summary>Every parameter <c>/speech/translate</c> reads, with values a real client would send.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Parameters = new Dictionary<string, string[]>
    {
        ["api-version"] = ["1.0"],
        ["from"] = ["en-US", "en", "EN-us"],
        ["to"] = ["es", "fr", "es,fr", "ES-es", "ca", "it", "en", "fr-FR,es"],
        ["features"] = ["Partial", "TextToSpeech", "TimingInfo", "partial,texttospeech,timinginfo", "Partial,TimingInfo"],
        ["voice"] = ["en-US-Slt", "es-ES-Espeak", "fr-FR-Espeak"],
        ["format"] = ["audio/wav", "audio/wav16kHz", "audio/wav24kHz", "audio/mp3", "AUDIO/MPEG"],
        ["ProfanityAction"] = ["NoAction", "Marked", "Deleted", "marked"],
        ["ProfanityMarker"] = ["Asterisk", "Tag", "tag"],
        ["profanity"] = ["Off", "Strict", "Moderate"],
        ["disfluency"] = ["Removed", "Raw", "Labeled"],
        ["X-ClientTraceId"] = ["6a1f0c1e-54a4-4b1e-9f0a-2f8c1c1e5a11"],
        ["X-CorrelationId"] = ["abc-123", "a.b_c"],
    };

    private static readonly string[] Required = ["api-version", "from", "to"];

    /// <summary>Values that are wrong, or odd, for any parameter.</summary>
    public static readonly Gen<string> OddValue = Gen.Frequency(
        (6, Gen.OneOf("", " ", "1", "0", "-1", "+1", "1,0", "0x1", "2.0", "1.0 ", "１.０", "NoAction,Marked", " Marked ", "Marked,Deleted",
            "Asterisk,Tag", "en-US,en-US", ",,,", "es,,fr", "es,xx", "\0", "\u202Eevil", "a&b=c", "%00", "null", "Partial,Telepathy",
            "en-US-Slt ", "audio/wav;rate=16000", "ǅ", "İ", "ß")),
        (2, Gen.Select(Gen.OneOf("", "x"), Gen.OneOf("😀", "é", "ऄ", "x", "👩‍👩‍👧"), Gen.Int[1, 300])
            .Select((start, unit, count) => start + string.Concat(Enumerable.Repeat(unit, count)))),
        (1, Gen.Int[1000, 10000].Select(length => new string('a', length))),
        (2, Gen.String[0, 60].Select(MakeWellFormed)));

    /// <summary>A parameter name: a real one in any case, or noise.</summary>
    public static readonly Gen<string> Name = Gen.Frequency(
        (8, Gen.Select(Gen.OneOf([.. Parameters.Keys]), Gen.ULong).Select((name, caseBits) => AnyCase(name, caseBits))),
        (1, Gen.OneOf("", "flight", "api_version", "from ", " to", "to[]", "%", "ü", "😀", "subscription-key", "access_token")),
        (1, Gen.String[0, 8].Select(MakeWellFormed)));

    /// <summary>A name and a value: the value good for the name more often than not.</summary>
    public static readonly Gen<(string Name, string Value)> Pair = Gen.Select(Name, Gen.Int[0, 99], OddValue, Gen.Int[0, 10])
        .Select((name, roll, odd, pick) =>
            (name, roll < 55 && Parameters.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { } good
                ? good[pick % good.Length]
                : odd));

    /// <summary>Query text appended as is: broken percent escapes, empty pairs, encoded names.</summary>
    public static readonly Gen<string> RawSuffix = Gen.Frequency(
        (6, Gen.Const("")),
        (1, Gen.OneOf("&", "&&&", "&=", "&%", "&%ZZ=1", "&from=%FF", "&to=%E0%A4%A", "&api-version", "&to=es%2C%2Cfr", "&%74o=fr", "&features=%50artial", "&voice=%F0%9F%98")));

    /// <summary>
    /// The query (without '?'): each real parameter present (api-version, from and to nine times in
    /// ten, the others one in three) with a good value three times in four, then extra pairs
    /// (duplicates, noise) and raw text.
    /// </summary>
    public static readonly Gen<(List<(string Name, string Value)> Pairs, string Raw)> Query = Gen.Select(
        Gen.Select(Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 10], OddValue).Array[Parameters.Count],
        Pair.Array[0, 3],
        RawSuffix)
        .Select((rolls, extras, raw) =>
        {
            var pairs = new List<(string, string)>();
            foreach (var ((name, good), (present, goodRoll, pick, odd)) in Parameters.Zip(rolls))
            {
                if (present < (Required.Contains(name) ? 90 : 33))
                {
                    pairs.Add((name, goodRoll < 75 ? good[pick % good.Length] : odd));
                }
            }

            pairs.AddRange(extras);
            return (pairs, raw);
        });

    /// <summary>Trace headers sent alongside (as some clients do); Kestrel lets only visible ASCII through.</summary>
    public static readonly Gen<(string Name, string Value)[]> Headers = Gen.Select(
        Gen.OneOf("X-ClientTraceId", "X-CorrelationId"), Gen.OneOf("abc", "a b", "abc-123", "a,b", "", new string('z', 80)))
        .Array[0, 2];

    private static string AnyCase(string name, ulong caseBits) =>
        (caseBits & 3) == 0 ? name : string.Concat(name.Select((c, i) => ((caseBits >> (i % 64)) & 1) == 1 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));

    /// <summary>A URL carries UTF-8, so a query value is always well-formed text: lone surrogates become U+FFFD.</summary>
    private static string MakeWellFormed(string text) =>
        System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text));
}
