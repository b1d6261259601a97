using SpeechCluster.Engines.Translation;

namespace SpeechCluster.Engines.Tests.Translation;

/// <summary>Translations through the installed Apertium pairs; the expected outputs were checked by hand with <c>apertium -u</c>.</summary>
public sealed class ApertiumTranslatorTests(ApertiumTranslatorFixture fixture) : IClassFixture<ApertiumTranslatorFixture>
{
    private readonly ApertiumTranslator _translator = fixture.Translator;

    [Fact]
    public void Pairs_InstalledModes_ListDirectionsWithIsoCodesAndSpanishPivots()
    {
        var pairs = _translator.Pairs;

        Assert.Contains(new LanguagePair("en", "es"), pairs);
        Assert.Contains(new LanguagePair("en", "ca"), pairs);
        Assert.Contains(new LanguagePair("es", "en"), pairs);
        Assert.Contains(new LanguagePair("en", "pt", "es"), pairs);
        Assert.Contains(new LanguagePair("en", "it", "es"), pairs);
        Assert.Contains(new LanguagePair("en", "fr", "es"), pairs);
        Assert.DoesNotContain(pairs, p => p.From.Length != 2 || p.To.Length != 2 || p.From == p.To);
        Assert.Equal(pairs.Count, pairs.Select(p => (p.From, p.To)).Distinct().Count());
    }

    [Theory]
    [InlineData("The house is red.", "La casa es roja.")]
    [InlineData("Good morning, how are you?", "Buenos días, cómo eres?")]
    [InlineData("i am happy", "Soy feliz")]
    [InlineData("he was not an ill disposed young man", "No fue un hombre joven colocado enfermo")]
    [InlineData("how much there might be", "Cuánto podría haber")]
    public async Task TranslateAsync_EnglishToSpanish_GivesApertiumsTranslation(string english, string spanish)
    {
        Assert.Equal(spanish, await _translator.TranslateAsync(english, "en", "es"));
    }

    [Fact]
    public async Task TranslateAsync_EnglishToCatalan_UsesTheDirectPair()
    {
        Assert.Equal("La casa és vermell.", await _translator.TranslateAsync("The house is red.", "en", "ca"));
    }

    [Fact]
    public async Task TranslateAsync_HelloWorld_SaysHolaMundo()
    {
        var spanish = await _translator.TranslateAsync("Hello world.", "en", "es");

        Assert.Contains("Hola", spanish);
        Assert.Contains("mundo", spanish, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("pt", "A casa é vermelha.")]
    [InlineData("it", "La casa è rossa.")]
    [InlineData("fr", "La maison est rouge.")]
    public async Task TranslateAsync_EnglishToLanguageWithoutDirectPair_PivotsThroughSpanish(string target, string expected)
    {
        Assert.Equal(expected, await _translator.TranslateAsync("The house is red.", "en", target));
    }

    [Fact]
    public async Task TranslateAsync_RegionTagsAndUpperCase_AreAccepted()
    {
        Assert.Equal("La casa es roja.", await _translator.TranslateAsync("The house is red.", "EN-us", "es-ES"));
    }

    [Fact]
    public async Task TranslateAsync_UnknownWord_ComesOutUnmarked()
    {
        var spanish = await _translator.TranslateAsync("The zorblax is red.", "en", "es");

        Assert.Contains("zorblax", spanish);
        Assert.DoesNotContain("*", spanish);
        Assert.DoesNotContain("#", spanish);
        Assert.DoesNotContain("@", spanish);
    }

    [Fact]
    public async Task TranslateAsync_ApertiumsReservedCharacters_SurviveAsText()
    {
        var spanish = await _translator.TranslateAsync(@"The house [big] {red} <b> costs $5 ^ @home * # a\b c/d.", "en", "es");

        foreach (var reserved in new[] { "[", "]", "{", "}", "<", ">", "$5", "^", "@", "*", "#", "\\", "/" })
        {
            Assert.Contains(reserved, spanish);
        }

        Assert.StartsWith("La casa", spanish);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n")]
    public async Task TranslateAsync_EmptyInput_ReturnsEmpty(string text)
    {
        Assert.Equal("", await _translator.TranslateAsync(text, "en", "es"));
    }

    [Theory]
    [InlineData("en", "ja")]
    [InlineData("xx", "es")]
    [InlineData("es", "es")]
    public async Task TranslateAsync_PairNotInstalled_ThrowsNotSupported(string from, string to)
    {
        await Assert.ThrowsAsync<NotSupportedException>(() => _translator.TranslateAsync("hello", from, to));
    }

    [Fact]
    public async Task TranslateAsync_CancelledBeforeStart_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _translator.TranslateAsync("The house is red.", "en", "es", cancelled.Token));
    }

    [Fact]
    public async Task TranslateAsync_ManyThreadsAtOnce_EachCallerGetsItsOwnTranslation()
    {
        string[] sentences =
        [
            "The house is red.", "The dog is big.", "I like the sea.", "We are friends.",
            "The book is on the table.", "She has a car.", "They live in Madrid.", "It is cold today.",
        ];
        var expected = new Dictionary<string, string>();
        foreach (var sentence in sentences)
        {
            expected[sentence] = await _translator.TranslateAsync(sentence, "en", "es");
        }

        Assert.Equal(sentences.Length, expected.Values.Distinct().Count());
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(async () =>
        {
            var mine = new List<(string Sentence, string Translation)>();
            for (var i = 0; i < 25; i++)
            {
                var sentence = sentences[(thread + i) % sentences.Length];
                mine.Add((sentence, await _translator.TranslateAsync(sentence, "en", "es")));
            }

            return mine;
        })));

        Assert.All(results.SelectMany(r => r), r => Assert.Equal(expected[r.Sentence], r.Translation));
    }
}
