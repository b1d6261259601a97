namespace SpeechCluster.Engines.Synthesis;

/// <summary>A flite voice: the library that holds it and that library's register function.</summary>
/// <param name="Library">e.g. <c>libflite_cmu_us_slt.so.1</c> (Debian's <c>libflite1</c>).</param>
/// <param name="RegisterFunction">e.g. <c>register_cmu_us_slt</c>; it also sets up the US English lexicon.</param>
/// <param name="SampleRate">The rate the voice speaks at, reported for empty text.</param>
internal sealed record FliteVoiceDefinition(VoiceInfo Info, string Library, string RegisterFunction, int SampleRate)
{
    /// <summary>The English voices Debian ships, best first (the first is English's default voice).</summary>
    public static IReadOnlyList<FliteVoiceDefinition> Known { get; } =
    [
        Create("en-US-Slt", "Slt", "female", "en-US", "United States", "cmu_us_slt"),
        Create("en-US-Rms", "Rms", "male", "en-US", "United States", "cmu_us_rms"),
        // Scottish English, hence the locale; the id keeps the name the voice is known by.
        Create("en-US-Awb", "Awb", "male", "en-GB", "United Kingdom", "cmu_us_awb"),
        // cmu_us_kal speaks at 8 kHz; kal16 is the same diphone voice at 16 kHz.
        Create("en-US-Kal", "Kal", "male", "en-US", "United States", "cmu_us_kal16"),
    ];

    private static FliteVoiceDefinition Create(string id, string name, string gender, string locale, string region, string voice) =>
        new(new VoiceInfo(id, name, gender, locale, "en", "English", region), $"libflite_{voice}.so.1", $"register_{voice}", 16000);
}
