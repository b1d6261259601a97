namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>
/// ISO 639-1 codes → the FLORES-200 codes NLLB-200 names its language tokens with (language_Script,
/// as in NLLB's <c>FAIRSEQ_LANGUAGE_CODES</c>). Only languages the service may configure are listed.
/// </summary>
public static class FloresLanguageCodes
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = "arb_Arab", ["bg"] = "bul_Cyrl", ["bn"] = "ben_Beng", ["ca"] = "cat_Latn",
        ["cs"] = "ces_Latn", ["da"] = "dan_Latn", ["de"] = "deu_Latn", ["el"] = "ell_Grek",
        ["en"] = "eng_Latn", ["eo"] = "epo_Latn", ["es"] = "spa_Latn", ["eu"] = "eus_Latn",
        ["fa"] = "pes_Arab", ["fi"] = "fin_Latn", ["fr"] = "fra_Latn", ["gl"] = "glg_Latn",
        ["he"] = "heb_Hebr", ["hi"] = "hin_Deva", ["hr"] = "hrv_Latn", ["hu"] = "hun_Latn",
        ["id"] = "ind_Latn", ["it"] = "ita_Latn", ["ja"] = "jpn_Jpan", ["ko"] = "kor_Hang",
        ["nl"] = "nld_Latn", ["oc"] = "oci_Latn", ["pl"] = "pol_Latn", ["pt"] = "por_Latn",
        ["ro"] = "ron_Latn", ["ru"] = "rus_Cyrl", ["sk"] = "slk_Latn", ["sl"] = "slv_Latn",
        ["sr"] = "srp_Cyrl", ["sv"] = "swe_Latn", ["sw"] = "swh_Latn", ["th"] = "tha_Thai",
        ["tr"] = "tur_Latn", ["uk"] = "ukr_Cyrl", ["vi"] = "vie_Latn", ["zh"] = "zho_Hans",
    };

    public static IReadOnlyCollection<string> Supported => Codes.Keys;

    public static string For(string language) =>
        Codes.TryGetValue(language, out var code)
            ? code
            : throw new NotSupportedException($"No FLORES-200 code is known for the language '{language}'; known: {string.Join(", ", Codes.Keys.Order())}.");
}
