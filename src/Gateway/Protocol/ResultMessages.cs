using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.Gateway.Protocol;

/// <summary>
/// Writes partial and final results as the v1.0 protocol's JSON (PROTOCOL.md §5.1): key order
/// type, id, recognition, translation; the four timing fields on every message when TimingInfo
/// was asked for; the <c>translations</c> map only when several targets were asked for; the
/// detected <c>language</c> only when several candidate locales were.
/// </summary>
/// <remarks>
/// A send loop creates one writer with <see cref="CreateWriter"/> and reuses it for every message,
/// so that a message allocates nothing: names are encoded once, the id is formatted on the stack.
/// </remarks>
internal static class ResultMessages
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Final = JsonEncodedText.Encode("final");
    private static readonly JsonEncodedText Partial = JsonEncodedText.Encode("partial");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Recognition = JsonEncodedText.Encode("recognition");
    private static readonly JsonEncodedText Translation = JsonEncodedText.Encode("translation");
    private static readonly JsonEncodedText Translations = JsonEncodedText.Encode("translations");
    private static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
    private static readonly JsonEncodedText AudioTimeOffset = JsonEncodedText.Encode("audioTimeOffset");
    private static readonly JsonEncodedText AudioTimeSize = JsonEncodedText.Encode("audioTimeSize");
    private static readonly JsonEncodedText AudioStreamPosition = JsonEncodedText.Encode("audioStreamPosition");
    private static readonly JsonEncodedText AudioSizeBytes = JsonEncodedText.Encode("audioSizeBytes");

    /// <summary>A writer for <see cref="Write(Utf8JsonWriter, TranscriptEvent, TranslateRequest)"/>; the caller disposes it.</summary>
    public static Utf8JsonWriter CreateWriter(IBufferWriter<byte> output) => new(output, Options);

    /// <summary>Writes one message to <paramref name="output"/> with a writer of its own.</summary>
    public static void Write(IBufferWriter<byte> output, TranscriptEvent result, TranslateRequest request)
    {
        using var json = CreateWriter(output);
        Write(json, result, request);
    }

    /// <summary>
    /// Writes one message with a writer from <see cref="CreateWriter"/>, forgetting whatever it wrote
    /// before, and flushes it to the writer's output.
    /// </summary>
    public static void Write(Utf8JsonWriter json, TranscriptEvent result, TranslateRequest request)
    {
        json.Reset();
        json.WriteStartObject();
        json.WriteString(Type, result.IsFinal ? Final : Partial);
        WriteId(json, result);
        json.WriteString(Recognition, result.Recognition);
        json.WriteString(Translation, result.Translations.Count > 0 ? result.Translations[0] : "");
        if (request.Targets.Count > 1)
        {
            json.WriteStartObject(Translations);
            for (var i = 0; i < request.Targets.Count && i < result.Translations.Count; i++)
            {
                json.WriteString(request.Targets[i], result.Translations[i]);
            }

            json.WriteEndObject();
        }

        if (request.DetectsLanguage)
        {
            // The detection extension: every partial and final names the candidate it was heard in.
            json.WriteString(Language, result.Language ?? request.SpeechLocale);
        }

        if (request.TimingInfo)
        {
            json.WriteNumber(AudioTimeOffset, result.Span.Offset.Ticks);
            json.WriteNumber(AudioTimeSize, result.Span.Duration.Ticks);
            json.WriteNumber(AudioStreamPosition, result.Span.StreamPosition);
            json.WriteNumber(AudioSizeBytes, result.Span.SizeBytes);
        }

        json.WriteEndObject();
        json.Flush();
    }

    // "7" for a final, "7.3" for its third partial.
    private static void WriteId(Utf8JsonWriter json, TranscriptEvent result)
    {
        Span<byte> id = stackalloc byte[2 * 11 + 1];
        var written = 0;
        var formatted = result.IsFinal
            ? result.UtteranceId.TryFormat(id, out written, provider: CultureInfo.InvariantCulture)
            : Utf8.TryWrite(id, CultureInfo.InvariantCulture, $"{result.UtteranceId}.{result.PartialIndex}", out written);
        if (!formatted)
        {
            throw new InvalidOperationException("an utterance id does not fit its buffer");
        }

        json.WriteString(Id, id[..written]);
    }
}
