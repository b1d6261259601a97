namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// GPT-2's byte-level alphabet, which Whisper's BPE vocabulary is written in: every byte is a
/// printable character. Bytes that are printable Latin-1 ('!'..'~', '¡'..'¬', '®'..'ÿ') stand for
/// themselves; the other 68 take the characters from U+0100 on, in byte order (so a space is 'Ġ').
/// </summary>
internal static class ByteLevelAlphabet
{
    private static readonly Dictionary<char, byte> ByteOfChar = Build();

    /// <summary>The byte <paramref name="c"/> stands for; false for a character outside the alphabet.</summary>
    public static bool TryGetByte(char c, out byte value) => ByteOfChar.TryGetValue(c, out value);

    private static Dictionary<char, byte> Build()
    {
        var map = new Dictionary<char, byte>(256);
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            map[printable ? (char)b : (char)next++] = (byte)b;
        }

        return map;
    }
}
