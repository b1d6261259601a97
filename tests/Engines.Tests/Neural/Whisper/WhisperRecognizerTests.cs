using SpeechCluster.Engines.Neural.Whisper;
using SpeechCluster.Engines.Recognition;

namespace SpeechCluster.Engines.Tests.Neural.Whisper;

/// <summary>
/// End to end with the contract model: audio → log-mel → encoder → decoder with the KV cache →
/// tokenizer. The contract decoder allows 10 text tokens (bytes) per second of loud audio, checks
/// every token fed back and the cache lengths, and writes '#' when they are wrong.
/// </summary>
public sealed class WhisperRecognizerTests
{
    private static readonly WhisperOptions Options = new() { PartialInterval = TimeSpan.FromMilliseconds(500) };

    [Fact]
    public void Partials_grow_without_retracting_words_and_the_final_is_the_text()
    {
        const string text = "hola qué tal estás";
        using var directory = new ContractModelDirectory(text);
        using var model = directory.Load();
        using var recognizer = new WhisperRecognizer(model, "es-ES", Options);
        using var stream = recognizer.OpenStream();

        var partials = Chunks(ContractModelDirectory.Tone(3)).Select(chunk => stream.AcceptAudio(chunk)).Distinct().ToList();
        var final = stream.Finish();

        Assert.Equal(text, final.Text);
        Assert.Equal(["hola", "qué", "tal", "estás"], final.Words.Select(word => word.Word));
        Assert.Equal(text, partials[^1]);
        Assert.True(partials.Count >= 3, "partials at 0.5, 1 and 1.5 s hold more and more of the text: " + string.Join(" | ", partials));
        for (var i = 1; i < partials.Count; i++)
        {
            // All but the last word of a partial were agreed by two hypotheses (the contract's are
            // growing prefixes), so the next partial starts with them.
            var stable = partials[i - 1].Split(' ')[..^1];
            Assert.Equal(stable, partials[i].Split(' ').Take(stable.Length));
        }
    }

    [Fact]
    public void Words_are_spread_evenly_over_the_utterance()
    {
        using var directory = new ContractModelDirectory("uno dos tres");
        using var model = directory.Load();
        using var recognizer = new WhisperRecognizer(model, "es-MX", Options);
        using var stream = recognizer.OpenStream();

        stream.AcceptAudio(ContractModelDirectory.Tone(3));
        var words = stream.Finish().Words;

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], words.Select(word => word.Offset));
        Assert.All(words, word => Assert.Equal(TimeSpan.FromSeconds(1), word.Duration));
    }

    [Fact]
    public void Silence_gives_no_text()
    {
        using var directory = new ContractModelDirectory("hola");
        using var model = directory.Load();
        using var recognizer = new WhisperRecognizer(model, "es-ES", Options);
        using var stream = recognizer.OpenStream();

        var partials = Chunks(new short[32000]).Select(chunk => stream.AcceptAudio(chunk)).ToList();

        Assert.All(partials, partial => Assert.Equal("", partial));
        Assert.Same(RecognitionResult.Empty, stream.Finish());
    }

    [Fact]
    public void Features_reach_the_encoder_silence_ends_the_text_at_once_and_a_tone_does_not()
    {
        // The model alone, without the stream's energy guard: the contract decoder only speaks for
        // encoder frames louder than the quietest, so this shows the features made it through.
        using var directory = new ContractModelDirectory("hola");
        using var model = directory.Load();
        var prompt = model.Prompt("es");
        var limits = new WhisperDecodeLimits(50);

        Assert.Equal("", model.Transcribe(new float[32000], prompt, limits));
        Assert.Equal("hola", model.Transcribe(ContractModelDirectory.Tone(2).Select(s => s / 32768f).ToArray(), prompt, limits));
    }

    [Fact]
    public void A_decoder_that_loops_is_stopped_with_one_copy_of_the_loop()
    {
        using var directory = new ContractModelDirectory("yo digo", loop: " sí");
        using var model = directory.Load();
        using var recognizer = new WhisperRecognizer(model, "es-ES", Options);
        using var stream = recognizer.OpenStream();

        stream.AcceptAudio(ContractModelDirectory.Tone(4));

        Assert.Equal("yo digo sí", stream.Finish().Text);
    }

    [Fact]
    public void Text_is_cut_at_the_token_budget_of_the_audio_duration()
    {
        // 1 s of audio allows 8 + 12 tokens (one byte each here), though the decoder would say all
        // (no n-gram repeats, so the repetition guard stays out of it).
        const string text = "abcdefghijklmno pqrstuvwxyz0123456789";
        using var directory = new ContractModelDirectory(text, tokensPerSecond: 100);
        using var model = directory.Load();
        using var recognizer = new WhisperRecognizer(model, "es-ES", Options);
        using var stream = recognizer.OpenStream();

        stream.AcceptAudio(ContractModelDirectory.Tone(1));

        Assert.Equal(text[..20], stream.Finish().Text);
    }

    [Fact]
    public void The_prompt_carries_the_language_of_the_locale()
    {
        // The contract checks its prompt: a model made for <|es|> hears <|fr|> and writes '#'.
        using var directory = new ContractModelDirectory("hola", language: "es");
        using var model = directory.Load();
        using var recognizer = new WhisperRecognizer(model, "fr-FR", Options);
        using var stream = recognizer.OpenStream();

        stream.AcceptAudio(ContractModelDirectory.Tone(2));

        Assert.Equal("fr", recognizer.Language);
        Assert.Equal("#", stream.Finish().Text);
    }

    [Fact]
    public void An_utterance_longer_than_thirty_seconds_is_decoded_window_by_window()
    {
        using var directory = new ContractModelDirectory("hola");
        using var model = directory.Load();
        using var recognizer = new WhisperRecognizer(model, "es-ES", Options);
        using var stream = recognizer.OpenStream();

        // The contract hears frames louder than the quietest, so each window keeps a pause.
        var partial = stream.AcceptAudio([.. ContractModelDirectory.Tone(29.5), .. new short[8000], .. ContractModelDirectory.Tone(1.5)]);

        Assert.Equal("hola hola", partial);
        Assert.Equal("hola hola", stream.Finish().Text);
    }

    [Theory]
    [InlineData("es-ES", "es")]
    [InlineData("en_US", "en")]
    [InlineData("zh-Hant-TW", "zh")]
    [InlineData("nb-NO", "no")]
    [InlineData("haw-US", "haw")]
    public void The_language_token_comes_from_the_locale(string locale, string language) =>
        Assert.Equal(language, WhisperLanguages.FromLocale(locale));

    [Fact]
    public void A_locale_the_model_does_not_know_is_refused()
    {
        using var directory = new ContractModelDirectory("hola");
        using var model = directory.Load();

        var error = Assert.Throws<NotSupportedException>(() => new WhisperRecognizer(model, "de-DE", Options));

        Assert.Contains("<|de|>", error.Message);
    }

    private static IEnumerable<short[]> Chunks(short[] audio) => audio.Chunk(1600);
}
