using SpeechCluster.EndToEnd.Tests.Hostile;
using SpeechCluster.Gateway.Languages;
using SpeechCluster.Gateway.Protocol;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>The handshake's <c>from=a,b</c> (detection extension), parsed in-process against a catalog that says who can detect.</summary>
public sealed class LanguageDetectionParserTests
{
    /// <summary>
    /// whisper-small detects among en-US, es-ES and de-DE; whisper-fr serves fr-FR alone; pocketsphinx
    /// serves en-GB (it cannot detect). Pairs: en ↔ es, de → en, en → it (nothing into it from es).
    /// </summary>
    private static readonly LanguageCatalog Catalog = new(new EngineCatalog(
        [
            new SpeechLocale("en-US", "en", "whisper-small", Detects: true),
            new SpeechLocale("es-ES", "es", "whisper-small", Detects: true),
            new SpeechLocale("de-DE", "de", "whisper-small", Detects: true),
            new SpeechLocale("fr-FR", "fr", "whisper-fr", Detects: true),
            new SpeechLocale("en-GB", "en", "pocketsphinx"),
        ],
        [new("en", "es", null), new("es", "en", null), new("de", "en", null), new("en", "it", null), new("de", "es", null)],
        []));

    [Fact]
    public void Parse_TwoCandidatesOfOneDetectingModel_KeepsThemInOrderAndTheFirstStandsForTheSource()
    {
        var request = Parse("from=es,en-US&to=en,es");

        Assert.Equal(["es-ES", "en-US"], request.Value!.Candidates.Select(c => c.Locale));
        Assert.True(request.Value.DetectsLanguage);
        Assert.Equal("es-ES,en-US", request.Value.From);
        Assert.Equal(("es-ES", "es"), (request.Value.SpeechLocale, request.Value.SourceLanguage));
        Assert.Equal(["en", "es"], request.Value.Targets);
    }

    [Theory]
    [InlineData("from=en-US&to=es")]
    [InlineData("from=en-US,&to=es")]
    public void Parse_OneLocale_HasNoCandidates(string query)
    {
        var request = Parse(query).Value!;

        Assert.False(request.DetectsLanguage);
        Assert.Empty(request.Candidates);
        Assert.Equal("en-US", request.From);
    }

    [Theory]
    [InlineData("from=en-US,en&to=es", "from=en-US,en: en-US is given twice")]
    [InlineData("from=en-US,es-ES,xx&to=es", "from=en-US,es-ES,xx: 'xx' is not a supported speech language; supported: en-US, es-ES, de-DE, fr-FR, en-GB")]
    [InlineData("from=en-GB,es-ES&to=es",
        "from=en-GB,es-ES: detecting the spoken language needs one multilingual Whisper model serving every candidate; pocketsphinx serves en-GB and cannot detect")]
    [InlineData("from=en-US,fr-FR&to=es",
        "from=en-US,fr-FR: detecting the spoken language needs one multilingual Whisper model serving every candidate; whisper-small serves en-US, whisper-fr fr-FR")]
    [InlineData("from=en-US,es-ES&to=it", "to=it is not a supported translation target from 'es'; supported: es, en")]
    [InlineData("from=en-US,de-DE&to=en,it", "to=it is not a supported translation target from 'de'; supported: de, en, es")]
    public void Parse_CandidatesThatCannotWork_AreRefusedNamingWhy(string query, string error)
    {
        Assert.Equal(error, Parse(query).Error);
    }

    [Fact]
    public void Parse_CandidateLanguageAsATarget_NeedsNoPairFromItself()
    {
        // es → es is the recognition itself; en → es and de → es are pairs.
        Assert.Null(Parse("from=en-US,de-DE,es-ES&to=es").Error);
    }

    private static ParseResult<TranslateRequest> Parse(string query)
    {
        var pairs = ("api-version=1.0&" + query).Split('&').Select(p => p.Split('=', 2)).Select(p => (p[0], p[1]));
        var request = TranslateRequestParserProperties.Request(pairs, "", []);
        return TranslateRequestParser.Parse(request.Query, request.Headers, Catalog);
    }
}
