using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Microsoft.AspNetCore.Http;
using SpeechCluster.Gateway.Languages;
using SpeechCluster.Gateway.Protocol;
using SpeechCluster.Grains.Interfaces.Workers;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>
/// Properties of the handshake's query parser over any query a client may send (in-process, through
/// ASP.NET Core's own query parsing): it never throws, and answers with a request or a short error
/// that names the parameter.
/// </summary>
public sealed partial class TranslateRequestParserProperties
{
    /// <summary>en-US into es, ca, fr, it, pt, with voices for en, es and fr only.</summary>
    internal static readonly LanguageCatalog Catalog = new(new EngineCatalog(
        [new SpeechLocale("en-US", "en")],
        [new("en", "es", null), new("es", "en", null), new("en", "ca", null), new("en", "fr", "es"), new("en", "it", "es"), new("en", "pt", "es")],
        [Voice("en-US-Slt", "en"), Voice("es-ES-Espeak", "es"), Voice("fr-FR-Espeak", "fr")]));

    [Fact]
    public void Parse_AnyQuery_ARequestOrAShortErrorNamingAParameter() =>
        Gen.Select(HostileQuery.Query, HostileQuery.Headers).Sample((query, headers) =>
        {
            var request = Request(query.Pairs, query.Raw, headers);

            var parsed = TranslateRequestParser.Parse(request.Query, request.Headers, Catalog);

            Assert.True(parsed.Value is null != parsed.Error is null, "exactly one of a request and an error");
            if (parsed.Error is { } error)
            {
                Assert.InRange(error.Length, 1, 200);
                Assert.True(IsWellFormed(error), $"not well-formed text: {error}");
                Assert.Matches(NamesAParameter(), error);
            }
            else
            {
                var accepted = parsed.Value!;
                Assert.Equal("en-US", accepted.SpeechLocale);
                Assert.NotEmpty(accepted.Targets);
                AssertNamesMember(request.Query, "ProfanityAction", accepted.ProfanityAction.ToString());
                AssertNamesMember(request.Query, "ProfanityMarker", accepted.ProfanityMarker.ToString());
                AssertNamesMember(request.Query, "disfluency", accepted.Disfluency.ToString());
            }
        }, iter: PropertyRuns.Iterations(5000), print: t => $"?{Request(t.Item1.Pairs, t.Item1.Raw, t.Item2).QueryString.Value?.TrimStart('?')} headers [{string.Join(", ", t.Item2.AsEnumerable())}]");

    internal static HttpRequest Request(IEnumerable<(string Name, string Value)> pairs, string raw, IEnumerable<(string Name, string Value)> headers)
    {
        var request = new DefaultHttpContext().Request;
        var query = QueryString.Create(pairs.Select(p => KeyValuePair.Create(p.Name, (string?)p.Value)));
        request.QueryString = new QueryString("?" + (query.Value?.TrimStart('?') ?? "") + raw);
        foreach (var (name, value) in headers)
        {
            request.Headers.Append(name, value);
        }

        return request;
    }

    /// <summary>An accepted enum parameter was one of the member's names, not a number or a list.</summary>
    private static void AssertNamesMember(IQueryCollection query, string parameter, string member)
    {
        if (query[parameter].ToString() is { Length: > 0 } given)
        {
            Assert.Equal(member, given.Trim(), ignoreCase: true);
        }
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (!Rune.TryGetRuneAt(text, i, out var rune))
            {
                return false; // a lone surrogate
            }

            i += rune.Utf16SequenceLength;
        }

        return true;
    }

    private static Voice Voice(string id, string language) =>
        new(id, id, "Female", id[..5], language, language, "", IsDefaultForLanguage: true);

    /// <summary>Starts with a parameter's name (then a space, '=' or ':'), or quotes it.</summary>
    [GeneratedRegex("^(api-version|from|to|features|voice|format|ProfanityAction|ProfanityMarker|disfluency)[ =:]|'(api-version|from|to|features|voice|format|ProfanityAction|ProfanityMarker|profanity|disfluency)'", RegexOptions.IgnoreCase)]
    private static partial Regex NamesAParameter();
}
