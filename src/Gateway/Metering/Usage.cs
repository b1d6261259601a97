namespace SpeechCluster.Gateway.Metering;

/// <summary>What a tenant used: the units it is billed and held to its monthly quota by.</summary>
/// <param name="AudioSeconds">Audio the client streamed.</param>
/// <param name="CharactersTranslated">Characters of the translations of its finals (every target but the spoken language).</param>
/// <param name="CharactersSynthesized">Characters spoken back to it.</param>
public readonly record struct Usage(double AudioSeconds, long CharactersTranslated, long CharactersSynthesized)
{
    public bool IsZero => AudioSeconds == 0 && CharactersTranslated == 0 && CharactersSynthesized == 0;

    public static Usage operator +(Usage a, Usage b) =>
        new(a.AudioSeconds + b.AudioSeconds, a.CharactersTranslated + b.CharactersTranslated, a.CharactersSynthesized + b.CharactersSynthesized);

    /// <summary>The month usage is counted in: <c>2026-11</c>, in UTC.</summary>
    public static string MonthOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
