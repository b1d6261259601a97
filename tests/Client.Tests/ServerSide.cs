using System.Net.WebSockets;
using System.Text;

namespace SpeechCluster.Client.Tests;

/// <summary>The server half of a test conversation: what the client sent, and ways to answer it.</summary>
internal static class ServerSide
{
    /// <summary>Reads whole messages until the client's Close (not answered here).</summary>
    public static async Task<ReceivedStream> ReceiveUntilCloseAsync(WebSocket socket, Func<ReceivedStream, Task>? onMessage = null)
    {
        var stream = new ReceivedStream();
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                stream.CloseStatus = result.CloseStatus;
                return stream;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                stream.Messages.Add((result.MessageType, message.ToArray()));
                message.SetLength(0);
                if (onMessage is not null)
                {
                    await onMessage(stream);
                }
            }
        }
    }

    public static Task SendTextAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>One binary message cut into <paramref name="frames"/> frames (FIN only on the last).</summary>
    public static async Task SendFragmentedAsync(WebSocket socket, byte[] data, int frames)
    {
        var size = (data.Length + frames - 1) / frames;
        for (var offset = 0; offset < data.Length; offset += size)
        {
            var count = Math.Min(size, data.Length - offset);
            await socket.SendAsync(data.AsMemory(offset, count), WebSocketMessageType.Binary, offset + count == data.Length, CancellationToken.None);
        }
    }

    /// <summary>Sends the server's Close and waits for the client's answer when the client has not closed yet.</summary>
    public static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string description)
    {
        await socket.CloseOutputAsync(status, description, CancellationToken.None);
        if (socket.State == WebSocketState.CloseSent)
        {
            var buffer = new byte[64 * 1024];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while ((await socket.ReceiveAsync(buffer, timeout.Token)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
    }

    /// <summary>A RIFF/WAVE file of <paramref name="samples"/> samples of a ramp, 16 kHz mono, real sizes.</summary>
    public static byte[] TtsWav(int samples, short seed)
    {
        var pcm = Enumerable.Range(0, samples).Select(i => (short)(seed + (i * 7))).ToArray();
        using var memory = new MemoryStream();
        using (var writer = new NAudio.Wave.WaveFileWriter(memory, new NAudio.Wave.WaveFormat(16000, 16, 1)))
        {
            writer.WriteSamples(pcm, 0, pcm.Length);
        }

        return memory.ToArray();
    }
}

/// <summary>Messages received by the server, in order, and the client's close status.</summary>
internal sealed class ReceivedStream
{
    public List<(WebSocketMessageType Type, byte[] Data)> Messages { get; } = [];

    public WebSocketCloseStatus? CloseStatus { get; set; }

    public IEnumerable<byte[]> Binary => Messages.Where(m => m.Type == WebSocketMessageType.Binary).Select(m => m.Data);

    /// <summary>Everything binary after the first message (the header).</summary>
    public byte[] Pcm => Binary.Skip(1).SelectMany(b => b).ToArray();
}
