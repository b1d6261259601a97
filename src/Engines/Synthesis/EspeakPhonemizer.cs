using System.Text;
using System.Text.RegularExpressions;

namespace SpeechCluster.Engines.Synthesis;

/// <summary>
/// Text to IPA phonemes with espeak-ng, sentence by sentence, in the form Piper voices were trained
/// on: each clause's phonemes (Unicode NFD, so a phoneme is one code point), then the punctuation
/// that ended it (<c>. , ? ! ; :</c>), clauses of one sentence joined by a space; espeak's language
/// switch marks such as <c>(fr)</c> dropped. Thread-safe: it shares <see cref="EspeakEngine"/>'s lock
/// with the espeak-ng voices (one espeak-ng per process), about a millisecond per sentence.
/// </summary>
public sealed partial class EspeakPhonemizer
{
    private EspeakPhonemizer()
    {
    }

    /// <summary>Loads libespeak-ng (once per process).</summary>
    /// <exception cref="DllNotFoundException">libespeak-ng is not installed (it is GPL-3 and optional).</exception>
    /// <exception cref="SpeechSynthesisException">The library found no data.</exception>
    public static EspeakPhonemizer Create(EspeakOptions? options = null)
    {
        EspeakEngine.Initialize(options?.DataDirectory);
        return new EspeakPhonemizer();
    }

    /// <summary>The phonemes of each sentence of <paramref name="text"/>; sentences without any are left out.</summary>
    /// <param name="espeakVoice">An espeak-ng voice name, e.g. <c>en-us</c> (a Piper config's <c>espeak.voice</c>).</param>
    /// <exception cref="SpeechSynthesisException">espeak-ng has no such voice.</exception>
    public IReadOnlyList<string> Phonemize(string text, string espeakVoice)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(espeakVoice);
        var sentences = new List<string>();
        var sentence = new StringBuilder();
        foreach (var clause in EspeakEngine.TextToPhonemes(espeakVoice, text))
        {
            sentence.Append(LanguageSwitch().Replace(clause.Phonemes, "").Trim().Normalize(NormalizationForm.FormD));
            var (punctuation, endsSentence) = Terminator(clause.Text);
            sentence.Append(punctuation);
            if (endsSentence)
            {
                Flush(sentence, sentences);
            }
            else
            {
                sentence.Append(' ');
            }
        }

        Flush(sentence, sentences);
        return sentences;
    }

    private static void Flush(StringBuilder sentence, List<string> sentences)
    {
        var phonemes = sentence.ToString().Trim();
        if (phonemes.Any(char.IsLetter))
        {
            sentences.Add(phonemes);
        }

        sentence.Clear();
    }

    // The clause's own text ends with the punctuation espeak split on; the end of the text ends a sentence.
    private static (string Punctuation, bool EndsSentence) Terminator(string clauseText)
    {
        var trimmed = clauseText.TrimEnd();
        var last = trimmed.Length == 0 ? '\0' : trimmed[^1];
        return last switch
        {
            '.' or '。' or '…' => (".", true),
            '?' or '？' => ("?", true),
            '!' or '！' => ("!", true),
            ',' or '，' or '、' => (",", false),
            ';' or '；' => (";", false),
            ':' or '：' => (":", false),
            _ => ("", false),
        };
    }

    [GeneratedRegex(@"\([a-z]{2,3}(-[a-z0-9]+)*\)", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageSwitch();
}
