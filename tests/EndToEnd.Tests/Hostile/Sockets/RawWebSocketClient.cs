using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests.Hostile.Sockets;

/// <summary>
/// A WebSocket client written by hand over TCP, for frames no library will send: unmasked,
/// reserved opcodes or bits, broken fragmentation. Reads the server's frames until its close.
/// </summary>
internal sealed class RawWebSocketClient : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly Stream _stream;

    private RawWebSocketClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>Connects and upgrades; fails unless the server answers 101.</summary>
    public static async Task<RawWebSocketClient> ConnectAsync(GatewayServer server, string query)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(server.HttpUri.Host, server.HttpUri.Port);
        var client = new RawWebSocketClient(tcp);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        await client._stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET /speech/translate?{query} HTTP/1.1\r\nHost: {server.HttpUri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOcp-Apim-Subscription-Key: {GatewayServer.Key}\r\n\r\n"));
        var response = await client.ReadResponseHeadAsync();
        Assert.StartsWith("HTTP/1.1 101 ", response, StringComparison.Ordinal);
        return client;
    }

    /// <summary>One frame as given: <paramref name="first"/> is the FIN/RSV/opcode byte; masked with a random key unless told not to.</summary>
    public Task SendFrameAsync(byte first, ReadOnlySpan<byte> payload, bool masked = true)
    {
        using var frame = new MemoryStream();
        frame.WriteByte(first);
        var maskBit = masked ? 0x80 : 0;
        if (payload.Length < 126)
        {
            frame.WriteByte((byte)(maskBit | payload.Length));
        }
        else
        {
            frame.WriteByte((byte)(maskBit | 126));
            frame.Write([(byte)(payload.Length >> 8), (byte)payload.Length]);
        }

        var body = payload.ToArray();
        if (masked)
        {
            var mask = RandomNumberGenerator.GetBytes(4);
            frame.Write(mask);
            for (var i = 0; i < body.Length; i++)
            {
                body[i] ^= mask[i % 4];
            }
        }

        frame.Write(body);
        return _stream.WriteAsync(frame.ToArray()).AsTask();
    }

    /// <summary>
    /// Reads the server's frames until its close frame; the close code and reason, or null when the
    /// connection ended without one. Throws <see cref="TimeoutException"/> after <paramref name="hangGuard"/>.
    /// </summary>
    public async Task<(int Code, string Reason)?> ReadUntilCloseAsync(TimeSpan hangGuard)
    {
        using var timeout = new CancellationTokenSource(hangGuard);
        try
        {
            while (true)
            {
                var head = await ReadExactlyAsync(2, timeout.Token);
                long length = head[1] & 0x7F;
                if (length == 126)
                {
                    length = BinaryPrimitives.ReadUInt16BigEndian(await ReadExactlyAsync(2, timeout.Token));
                }
                else if (length == 127)
                {
                    length = (long)BinaryPrimitives.ReadUInt64BigEndian(await ReadExactlyAsync(8, timeout.Token));
                }

                var payload = await ReadExactlyAsync((int)length, timeout.Token);
                if ((head[0] & 0x0F) == 0x8)
                {
                    return payload.Length >= 2
                        ? (BinaryPrimitives.ReadUInt16BigEndian(payload), Encoding.UTF8.GetString(payload, 2, payload.Length - 2))
                        : (1005, "");
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"the server neither closed nor dropped the connection within {hangGuard}");
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException)
        {
            return null;
        }
    }

    public void Dispose() => _tcp.Dispose();

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellation)
    {
        var buffer = new byte[count];
        await _stream.ReadExactlyAsync(buffer, cancellation);
        return buffer;
    }

    private async Task<string> ReadResponseHeadAsync()
    {
        var head = new List<byte>();
        while (head.Count < 4 || !head.TakeLast(4).SequenceEqual("\r\n\r\n"u8.ToArray()))
        {
            head.Add((await ReadExactlyAsync(1, CancellationToken.None))[0]);
        }

        return Encoding.ASCII.GetString([.. head]);
    }
}
