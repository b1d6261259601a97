namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>How a translation is searched for.</summary>
public sealed record DecodingOptions
{
    /// <summary>1 = greedy search; more = beam search with that many hypotheses kept per sentence.</summary>
    public int BeamWidth { get; init; } = 1;

    /// <summary>Beam scores are divided by length^this (1 = mean log-probability per token, as Hugging Face's default).</summary>
    public double LengthPenalty { get; init; } = 1.0;

    /// <summary>The output may be at most <c>source tokens × MaxLengthFactor + MaxLengthExtra</c> tokens, so a model that never says end-of-sentence stops.</summary>
    public double MaxLengthFactor { get; init; } = 2.0;

    public int MaxLengthExtra { get; init; } = 10;

    /// <summary>An absolute bound on top of the relative one (the exports' position tables end at 512 or 1024).</summary>
    public int MaxLength { get; init; } = 256;

    internal int MaxNewTokens(int sourceLength) =>
        Math.Clamp((int)Math.Ceiling(sourceLength * MaxLengthFactor) + MaxLengthExtra, 1, MaxLength);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BeamWidth, 1, nameof(BeamWidth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLength, 1, nameof(MaxLength));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxLengthFactor, nameof(MaxLengthFactor));
    }
}
