using System.Net.WebSockets;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>A message a test client sends, and the fractions of its length where its frames are cut.</summary>
internal sealed record ClientMessage(WebSocketMessageType Type, byte[] Data, double[] Cuts)
{
    public override string ToString() =>
        $"{Type} [{(Type == WebSocketMessageType.Text ? System.Text.Encoding.UTF8.GetString(Data) : Convert.ToHexString(Data.AsSpan(0, Math.Min(Data.Length, 64))))}] ({Data.Length} bytes, cut at {string.Join(", ", Cuts.Select(c => c.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))})";
}
