using SpeechCluster.Engines.Neural.Whisper;

namespace SpeechCluster.Engines.Tests.Neural.Whisper;

public sealed class RepetitionGuardTests
{
    [Fact]
    public void An_ngram_repeated_more_than_the_limit_is_cut_to_one_copy()
    {
        int[] tokens = [9, 1, 2, 1, 2, 1, 2];

        Assert.Equal(3, RepetitionGuard.KeepCount(tokens, limit: 2, longestNgram: 4));
        Assert.Null(RepetitionGuard.KeepCount(tokens, limit: 3, longestNgram: 4));
        Assert.Null(RepetitionGuard.KeepCount(tokens, limit: 2, longestNgram: 1));
    }
}
