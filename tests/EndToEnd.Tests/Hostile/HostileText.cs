using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>
/// Generators of the text messages a client might send instead of <c>{"type":"flush"}</c>: near
/// misses, any JSON, broken JSON, deep nesting, plain text, and bytes that are not UTF-8.
/// </summary>
internal static class HostileText
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Words near "flush" and "type", and a little noise.</summary>
    public static readonly Gen<string> Word = Gen.Frequency(
        (6, Gen.OneOf("flush", "FLUSH", "Flush", "type", "")),
        (4, Gen.OneOf(" flush", "flush ", "flus", "flushh", "ﬂush", "ｆｌｕｓｈ", "flush\u200B", "flush\0", "😀", "null", "Type", "TYPE")),
        (1, Gen.String[0, 12]));

    /// <summary>Any JSON value, nested up to 3 levels, with keys and strings mostly near the real ones.</summary>
    public static readonly Gen<string> JsonValue = Gen.Recursive<string>((depth, self) => depth >= 3
        ? Scalar()
        : Gen.Frequency(
            (4, Scalar()),
            (1, self.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (2, Gen.Select(Word, self).Array[0, 3].Select(Members))));

    /// <summary>An object whose members are mostly "type" with a near-flush value: the likeliest client mistakes.</summary>
    public static readonly Gen<string> MessageObject = Gen.Select(
            Gen.Frequency((5, Gen.Const("type")), (2, Word)),
            Gen.Frequency((3, Quoted(Gen.OneOf("flush", "FLUSH", "Flush"))), (3, Quoted(Word)), (1, JsonValue)))
        .Array[0, 3].Select(Members);

    /// <summary>Text that is valid UTF-8: up to a few hundred bytes, or a flush padded to around the 4 KiB limit.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (8, MessageObject),
        (2, JsonValue),
        (2, Gen.Select(Gen.Frequency((3, MessageObject), (1, JsonValue)), Gen.Int[0, 3], Gen.Double.Unit, Gen.OneOf(",", "}", "{", "]", "\"", "x", "\uFEFF", "/*", "\n"))
            .Select((json, how, where, junk) => Mutate(json, how, where, junk))),
        (1, Gen.Int[60, 70].Select(depth => "{\"type\":\"flush\",\"x\":" + new string('[', depth) + new string(']', depth) + "}")),
        (1, Gen.String[0, 40]),
        (1, Gen.Int[4000, 4200].Select(pad => "{\"type\":\"flush\",\"pad\":\"" + new string('x', pad) + "\"}")));

    /// <summary>Bytes of a text message: mostly UTF-8 text, sometimes bytes that are not UTF-8.</summary>
    public static readonly Gen<byte[]> Bytes = Gen.Frequency(
        (10, Text.Select(Encoding.UTF8.GetBytes)),
        (1, Gen.Byte.Array[0, 24]),
        (1, Gen.Select(Text, Gen.Int[0, 8], Gen.OneOf<byte>(0x80, 0xC0, 0xFF, 0xED, 0xF4), NotUtf8)));

    /// <summary>The UTF-8 of <paramref name="text"/> with a byte that cannot stand there inserted.</summary>
    private static byte[] NotUtf8(string text, int at, byte bad)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        at = Math.Min(at, bytes.Length);
        return [.. bytes.AsSpan(0, at), bad, .. bytes.AsSpan(at)];
    }

    private static Gen<string> Scalar() => Gen.Frequency(
        (4, Quoted(Word)),
        (2, Gen.OneOf("0", "-1", "1.5e3", "1e400", "true", "false", "null")),
        (1, Gen.OneOf("01", "NaN", "undefined", "'flush'", "\"\\u0066lush\"", "\"fl\\ush\"", "\"\\uD800\"")));

    private static Gen<string> Quoted(Gen<string> text) =>
        Gen.Select(text, Gen.Bool).Select((s, escaped) => escaped ? JsonSerializer.Serialize(s) : JsonSerializer.Serialize(s, Unescaped));

    private static string Members((string Key, string Value)[] members) =>
        "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Key) + ":" + m.Value)) + "}";

    /// <summary>0: cut short, 1: a character inserted, 2: junk after the end, 3: junk before the start.</summary>
    private static string Mutate(string json, int how, double where, string junk) => how switch
    {
        0 => json[..(int)(where * json.Length)],
        1 => json.Insert((int)(where * json.Length), junk),
        2 => json + junk,
        _ => junk + json,
    };
}
