using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.Gateway.Protocol;

/// <summary>
/// Writes partial and final results as the v1.0 protocol's JSON (PROTOCOL.md §5.1): key order
/// type, id, recognition, translation; the four timing fields on every message when TimingInfo
/// was asked for; the <c>translations</c> map only when several targets were asked for.
/// </summary>
internal static class ResultMessages
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(IBufferWriter<byte> output, TranscriptEvent result, TranslateRequest request)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("type", result.IsFinal ? "final" : "partial");
        json.WriteString("id", result.IsFinal
            ? result.UtteranceId.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{result.UtteranceId}.{result.PartialIndex}"));
        json.WriteString("recognition", result.Recognition);
        json.WriteString("translation", result.Translations.Count > 0 ? result.Translations[0] : "");
        if (request.Targets.Count > 1)
        {
            json.WriteStartObject("translations");
            for (var i = 0; i < request.Targets.Count && i < result.Translations.Count; i++)
            {
                json.WriteString(request.Targets[i], result.Translations[i]);
            }

            json.WriteEndObject();
        }

        if (request.TimingInfo)
        {
            json.WriteNumber("audioTimeOffset", result.Span.Offset.Ticks);
            json.WriteNumber("audioTimeSize", result.Span.Duration.Ticks);
            json.WriteNumber("audioStreamPosition", result.Span.StreamPosition);
            json.WriteNumber("audioSizeBytes", result.Span.SizeBytes);
        }

        json.WriteEndObject();
    }
}
