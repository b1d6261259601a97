using System.Text;

namespace SpeechCluster.Client;

/// <summary>Builds the <c>/speech/translate</c> and <c>/languages</c> addresses from a server base URI.</summary>
internal static class TranslateUri
{
    /// <param name="conversation">Resume extension: the conversation to continue, or null.</param>
    /// <param name="resumeFrom">Resume extension: the last final received, or null.</param>
    public static Uri ForSession(SpeechTranslationOptions options, string? conversation, string? resumeFrom)
    {
        var query = new StringBuilder("api-version=1.0");
        Append(query, "from", options.From);
        // Each language is escaped alone so the list keeps its literal commas (to=es,fr), as the extension documents.
        query.Append("&to=").Append(string.Join(',', options.To.Select(t => Uri.EscapeDataString(t.Trim()))));
        if (options.Features != SpeechFeatures.None)
        {
            query.Append("&features=").Append(string.Join(',', Enum.GetValues<SpeechFeatures>()
                .Where(f => f != SpeechFeatures.None && options.Features.HasFlag(f))));
        }

        Append(query, "voice", options.Voice);
        Append(query, "format", options.Format);
        Append(query, "ProfanityAction", options.ProfanityAction?.ToString());
        Append(query, "ProfanityMarker", options.ProfanityMarker?.ToString());
        Append(query, "conversation", conversation);
        Append(query, "resumeFrom", resumeFrom);
        return Build(options.Server, "speech/translate", query.ToString(), webSocket: true);
    }

    public static Uri ForLanguages(Uri server, string scope) =>
        Build(server, "languages", "api-version=1.0&scope=" + Uri.EscapeDataString(scope), webSocket: false);

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    private static Uri Build(Uri server, string path, string query, bool webSocket)
    {
        var secure = server.Scheme is "wss" or "https";
        var builder = new UriBuilder(server)
        {
            Scheme = webSocket ? (secure ? "wss" : "ws") : (secure ? "https" : "http"),
            Path = server.AbsolutePath.TrimEnd('/') + "/" + path,
            Query = query,
        };
        return builder.Uri;
    }
}
