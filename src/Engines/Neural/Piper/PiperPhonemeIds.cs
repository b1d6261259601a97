namespace SpeechCluster.Engines.Neural.Piper;

/// <summary>
/// Piper's model input for one sentence: <c>^</c> (begin), then every phoneme (a code point) followed
/// by <c>_</c> (pad), then <c>$</c> (end), each mapped by the voice's <c>phoneme_id_map</c>; the pad
/// also follows the begin mark. Phonemes the voice does not know are skipped, as Piper does. (Same
/// convention as piper-phonemize's phonemes_to_ids with its defaults.)
/// </summary>
internal static class PiperPhonemeIds
{
    public const string Pad = "_";
    public const string Begin = "^";
    public const string End = "$";

    public static long[] From(string phonemes, IReadOnlyDictionary<string, long[]> map)
    {
        var pad = map[Pad];
        var ids = new List<long>(2 * phonemes.Length + 3);
        ids.AddRange(map[Begin]);
        ids.AddRange(pad);
        foreach (var rune in phonemes.EnumerateRunes())
        {
            if (map.TryGetValue(rune.ToString(), out var phoneme))
            {
                ids.AddRange(phoneme);
                ids.AddRange(pad);
            }
        }

        ids.AddRange(map[End]);
        return [.. ids];
    }

    /// <summary>The phonemes of <paramref name="phonemes"/> the map lacks (for a log line).</summary>
    public static IEnumerable<string> Unknown(string phonemes, IReadOnlyDictionary<string, long[]> map) =>
        phonemes.EnumerateRunes().Select(r => r.ToString()).Where(p => !map.ContainsKey(p)).Distinct();
}
