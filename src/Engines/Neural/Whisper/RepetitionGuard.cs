namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>Finds an n-gram repeated back to back at the end of a token sequence.</summary>
internal static class RepetitionGuard
{
    /// <summary>
    /// When the last tokens are one n-gram (up to <paramref name="longestNgram"/> tokens) occurring
    /// more than <paramref name="limit"/> times in a row, returns how many tokens to keep so that a
    /// single copy remains; otherwise null. Checked after every token, so the repetition is caught
    /// the moment it exceeds the limit.
    /// </summary>
    public static int? KeepCount(IReadOnlyList<int> tokens, int limit, int longestNgram)
    {
        var count = tokens.Count;
        for (var n = 1; n <= longestNgram && (limit + 1) * n <= count; n++)
        {
            var repeated = true;
            for (var j = 1; j <= limit * n && repeated; j++)
            {
                repeated = tokens[count - j] == tokens[count - j - n];
            }

            if (repeated)
            {
                return count - limit * n;
            }
        }

        return null;
    }
}
