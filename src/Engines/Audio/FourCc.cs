using System.Text;

namespace SpeechCluster.Engines.Audio;

/// <summary>Shows a RIFF four-character code in a message, safely (the bytes come from a client).</summary>
internal static class FourCc
{
    /// <summary>'LIST' when printable ASCII, otherwise hex bytes such as 0x00FF1A2B.</summary>
    public static string Describe(ReadOnlySpan<byte> code)
    {
        foreach (var b in code)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return "0x" + Convert.ToHexString(code);
            }
        }

        return "'" + Encoding.ASCII.GetString(code) + "'";
    }
}
