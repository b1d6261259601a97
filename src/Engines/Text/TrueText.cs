using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SpeechCluster.Engines.Text;

/// <summary>
/// TrueText: turns raw recognition ("um so i i think we should uh meet at three thirty") into readable,
/// faithful text ("So I think we should meet at 3:30."), and tidies translations (Spanish "¿…?").
/// Rules and maintained word lists (SCOWL, hunspell, LDNOOBW); no model. See <see cref="TrueTextRequest"/>
/// for what each request may ask.
/// </summary>
/// <remarks>
/// Thread-safe and stateless between calls: one instance per process (a DI singleton). A language's
/// word lists load on its first request (about 0.4 s for English, 0.5 s for Spanish, a few MiB) and stay for the instance's lifetime.
/// A partial costs tens of microseconds; it is meant to be called on every partial hypothesis.
/// </remarks>
public sealed class TrueText
{
    private readonly TrueTextOptions _options;
    private readonly ILogger<TrueText> _logger;
    private readonly ConcurrentDictionary<string, Lazy<LanguageResources>> _languages = new(StringComparer.Ordinal);

    public TrueText(IOptions<TrueTextOptions> options, ILogger<TrueText> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Makes a recognition or a translation readable. Never throws for odd text; empty in, empty out.</summary>
    public TrueTextResult Process(TrueTextRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Text);
        var resources = Resources(PrimaryLanguage(request.Language));
        return request.Role == TextRole.Translation
            ? TranslationPass.Run(request, resources)
            : RecognitionPass.Run(request, resources);
    }

    /// <summary>Loads a language's lists now rather than on its first request.</summary>
    public void Preload(string language) => _ = Resources(PrimaryLanguage(language));

    private static string PrimaryLanguage(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var dash = language.IndexOfAny(['-', '_']);
        return (dash > 0 ? language[..dash] : language).ToLowerInvariant();
    }

    private LanguageResources Resources(string language) =>
        _languages.GetOrAdd(language, l => new Lazy<LanguageResources>(() => Load(l))).Value;

    private LanguageResources Load(string language)
    {
        var clock = Stopwatch.StartNew();
        var dic = LanguageResources.FindHunspell(_options.HunspellDirectory, language);
        var casing = CasingLexicon.Empty;
        if (language == "en" && Directory.Exists(_options.ScowlDirectory))
        {
            casing = CasingLexicon.FromScowl(_options.ScowlDirectory, _options.ScowlMaxLevel);
        }
        else if (language != "en" && dic is not null)
        {
            casing = CasingLexicon.FromHunspell(dic);
        }
        else
        {
            TrueTextLog.ListMissing(_logger, language, "casing word list", language == "en" ? _options.ScowlDirectory : _options.HunspellDirectory);
        }

        var profanity = ProfanityLexicon.Empty;
        var listDirectory = _options.ResolveProfanityListDirectory();
        var listPath = listDirectory is null ? null : Path.Combine(listDirectory, language + ".json");
        if (listPath is not null && File.Exists(listPath))
        {
            profanity = ProfanityLexicon.Load(listPath, language, dic);
        }
        else
        {
            TrueTextLog.ListMissing(_logger, language, "profanity list", listPath ?? "models/truetext/naughty-words");
        }

        TrueTextLog.LanguageLoaded(_logger, language, casing.Count, profanity.ListedCount, profanity.FormCount, clock.ElapsedMilliseconds);
        return new LanguageResources { Language = language, Rules = LanguageRules.For(language), Casing = casing, Profanity = profanity };
    }
}
