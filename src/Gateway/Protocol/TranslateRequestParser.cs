using System.Text.RegularExpressions;
using SpeechCluster.Gateway.Languages;
using SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.Gateway.Protocol;

/// <summary>
/// Reads the handshake's query and headers. Names and values are case-insensitive; unknown
/// parameters are ignored; a bad value yields an error message for the 400 answer.
/// </summary>
internal static partial class TranslateRequestParser
{
    private static readonly string[] Single =
        ["api-version", "from", "to", "features", "voice", "format", "ProfanityAction", "ProfanityMarker", "profanity", "disfluency", "conversation", "resumeFrom"];

    public static ParseResult<TranslateRequest> Parse(IQueryCollection query, IHeaderDictionary headers, LanguageCatalog catalog)
    {
        // ASP.NET Core's query collection already matches names case-insensitively.
        foreach (var name in Single)
        {
            if (query[name].Count > 1)
            {
                return Fail($"the parameter '{name}' is given more than once");
            }
        }

        var apiVersion = query["api-version"].ToString();
        if (apiVersion != "1.0")
        {
            return Fail(apiVersion.Length == 0 ? "api-version is required and must be 1.0" : $"api-version '{Clip(apiVersion)}' is not supported; use 1.0");
        }

        var from = query["from"].ToString();
        if (from.Length == 0)
        {
            return Fail("'from' is required, e.g. from=en-US");
        }

        var candidates = ParseFrom(from, catalog, out var fromError);
        if (fromError is not null)
        {
            return Fail(fromError);
        }

        var locale = candidates[0];
        var targets = ParseTargets(query["to"].ToString(), [.. candidates.Select(c => c.Language).Distinct(StringComparer.OrdinalIgnoreCase)], catalog, out var targetError);
        if (targetError is not null)
        {
            return Fail(targetError);
        }

        var features = ParseFeatures(query["features"].ToString(), out var featureError);
        if (featureError is not null)
        {
            return Fail(featureError);
        }

        var voice = query["voice"].ToString();
        string? voiceId = null, voiceLanguage = null;
        if (voice.Length > 0)
        {
            if (catalog.FindVoice(voice) is not { } found)
            {
                return Fail($"voice '{Clip(voice)}' is not available; see /languages?api-version=1.0&scope=tts");
            }

            if (!targets.Contains(found.Language, StringComparer.OrdinalIgnoreCase))
            {
                return Fail($"voice '{found.Id}' speaks '{found.Language}', which is not a target language");
            }

            voiceId = found.Id;
            voiceLanguage = targets.First(t => t.Equals(found.Language, StringComparison.OrdinalIgnoreCase));
        }

        if (!TryParseFormat(query["format"].ToString(), out var format))
        {
            return Fail($"format '{Clip(query["format"].ToString())}' is not supported; use audio/wav, audio/wav16kHz, audio/wav24kHz or audio/mp3");
        }

        if (!TryParseEnum(query["ProfanityAction"].ToString(), ProfanityActionFromProfanity(query["profanity"].ToString()), out ProfanityAction action))
        {
            return Fail($"ProfanityAction '{Clip(query["ProfanityAction"].ToString())}' is not one of NoAction, Marked, Deleted");
        }

        if (!TryParseEnum(query["ProfanityMarker"].ToString(), ProfanityMarker.Asterisk, out ProfanityMarker marker))
        {
            return Fail($"ProfanityMarker '{Clip(query["ProfanityMarker"].ToString())}' is not one of Asterisk, Tag");
        }

        if (!TryParseEnum(query["disfluency"].ToString(), DisfluencyMode.Removed, out DisfluencyMode disfluency))
        {
            return Fail($"disfluency '{Clip(query["disfluency"].ToString())}' is not one of Removed, Raw, Labeled");
        }

        var conversation = query["conversation"].ToString();
        var resumeFrom = query["resumeFrom"].ToString();
        if ((conversation.Length > 0) != (resumeFrom.Length > 0))
        {
            return Fail("to resume, give both 'conversation' (the X-ConversationId of the first connection) and 'resumeFrom' (the last final id received, -1 for none)");
        }

        if (conversation.Length > 0 && !ConversationIdPattern().IsMatch(conversation))
        {
            return Fail($"conversation '{Clip(conversation)}' is not a conversation id (32 hex digits, from X-ConversationId)");
        }

        int? resumeAfter = null;
        if (resumeFrom.Length > 0)
        {
            if (!int.TryParse(resumeFrom, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var last) || last < -1)
            {
                return Fail($"resumeFrom '{Clip(resumeFrom)}' is not a final id (an integer, -1 for none)");
            }

            resumeAfter = last;
        }

        if (features.TextToSpeech && targets.FirstOrDefault(t => !catalog.HasVoiceFor(t)) is { } mute)
        {
            return Fail($"features=TextToSpeech needs a voice for every target, and none speaks '{mute}'");
        }

        return new ParseResult<TranslateRequest>(new TranslateRequest
        {
            SpeechLocale = locale.Locale,
            SourceLanguage = locale.Language,
            Candidates = candidates.Count > 1 ? candidates : [],
            Targets = targets,
            Partial = features.Partial,
            TextToSpeech = features.TextToSpeech,
            TimingInfo = features.TimingInfo,
            Voice = voiceId,
            VoiceLanguage = voiceLanguage,
            Format = format,
            ProfanityAction = action,
            ProfanityMarker = marker,
            Disfluency = disfluency,
            Conversation = conversation.Length > 0 ? conversation.ToLowerInvariant() : null,
            ResumeFrom = resumeAfter,
            ClientTraceId = HeaderOrQuery(headers, query, "X-ClientTraceId"),
            CorrelationId = HeaderOrQuery(headers, query, "X-CorrelationId") is { } id && CorrelationIdPattern().IsMatch(id) ? id : null,
        }, null);
    }

    /// <summary>The targets of <paramref name="to"/>, each reachable from every one of <paramref name="sources"/> (the first resolves region tags).</summary>
    private static List<string> ParseTargets(string to, IReadOnlyList<string> sources, LanguageCatalog catalog, out string? error)
    {
        var source = sources[0];
        error = null;
        var targets = new List<string>();
        var requested = to.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (requested.Length == 0)
        {
            error = "'to' is required, e.g. to=es (several targets: to=es,fr)";
            return targets;
        }

        foreach (var target in requested)
        {
            var language = catalog.ResolveTarget(source, target);
            // With detection every candidate language is translated into each target (or is the target).
            var unreachable = language is null ? source : sources.Skip(1).FirstOrDefault(other => catalog.ResolveTarget(other, language) is null);
            if (language is null || unreachable is not null)
            {
                error = $"to={Clip(target)} is not a supported translation target from '{unreachable}'; supported: {string.Join(", ", catalog.TargetsOf(unreachable!))}";
                return targets;
            }

            if (!targets.Contains(language, StringComparer.OrdinalIgnoreCase))
            {
                targets.Add(language);
            }
        }

        return targets;
    }

    private static (bool Partial, bool TextToSpeech, bool TimingInfo) ParseFeatures(string features, out string? error)
    {
        error = null;
        (bool Partial, bool TextToSpeech, bool TimingInfo) result = default;
        foreach (var feature in features.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            switch (feature.ToLowerInvariant())
            {
                case "partial": result.Partial = true; break;
                case "texttospeech": result.TextToSpeech = true; break;
                case "timinginfo": result.TimingInfo = true; break;
                default:
                    error = $"features: '{Clip(feature)}' is not one of Partial, TextToSpeech, TimingInfo";
                    return result;
            }
        }

        return result;
    }

    private static bool TryParseFormat(string value, out SpeechAudioFormat format)
    {
        format = value.ToLowerInvariant() switch
        {
            "" or "audio/wav" or "audio/wav24khz" => SpeechAudioFormat.Wav24kHz,
            "audio/wav16khz" => SpeechAudioFormat.Wav16kHz,
            "audio/mp3" or "audio/mpeg" => SpeechAudioFormat.Mp3,
            _ => (SpeechAudioFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    /// <summary>A member's name in any case; not a number nor a comma list (Enum.TryParse takes both).</summary>
    private static bool TryParseEnum<T>(string value, T fallback, out T parsed) where T : struct, Enum
    {
        parsed = fallback;
        var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        return value.Length == 0 || (name is not null && Enum.TryParse(name, out parsed));
    }

    /// <summary>Microsoft's own app sent <c>profanity=Off|Moderate|Strict</c> instead of ProfanityAction.</summary>
    private static ProfanityAction ProfanityActionFromProfanity(string profanity) =>
        profanity.Equals("off", StringComparison.OrdinalIgnoreCase) ? ProfanityAction.NoAction : ProfanityAction.Marked;

    private static string? HeaderOrQuery(IHeaderDictionary headers, IQueryCollection query, string name) =>
        headers[name].ToString() is { Length: > 0 } header ? header : query[name].ToString() is { Length: > 0 } q ? q : null;

    /// <summary>At most 40 UTF-16 units of a client's value, never half of a surrogate pair.</summary>
    private static string Clip(string value) =>
        value.Length <= 40 ? value : value[..(char.IsHighSurrogate(value[39]) ? 39 : 40)] + "…";

    private static ParseResult<TranslateRequest> Fail(string message) => new(null, message);

    [GeneratedRegex("^[a-zA-Z0-9-_.]{1,64}$")]
    private static partial Regex CorrelationIdPattern();

    [GeneratedRegex("^[0-9a-fA-F]{32}$")]
    private static partial Regex ConversationIdPattern();
}

internal readonly record struct ParseResult<T>(T? Value, string? Error) where T : class;
