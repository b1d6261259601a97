using System.Net.Sockets;
using System.Text;

namespace SpeechCluster.EndToEnd.Tests.Hostile.Sockets;

/// <summary>A bare TCP connection to the gateway, for clients that never finish (or never start) their HTTP request.</summary>
internal sealed class RawTcpClient : IDisposable
{
    private readonly TcpClient _tcp;

    private RawTcpClient(TcpClient tcp) => _tcp = tcp;

    public static async Task<RawTcpClient> ConnectAsync(Uri server)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(server.Host, server.Port);
        return new RawTcpClient(tcp);
    }

    public Task SendAsync(string text) => _tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    /// <summary>
    /// Reads until the server ends the connection; what it sent first. Throws <see cref="TimeoutException"/>
    /// if the server still holds the connection after <paramref name="hangGuard"/>.
    /// </summary>
    public async Task<string> ReadUntilClosedAsync(TimeSpan hangGuard)
    {
        using var timeout = new CancellationTokenSource(hangGuard);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int count;
            while ((count = await _tcp.GetStream().ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Append(Encoding.ASCII.GetString(buffer, 0, count));
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"the server still held the connection after {hangGuard}; it had sent '{received}'");
        }
        catch (IOException)
        {
            // Reset by the server: closed too.
        }

        return received.ToString();
    }

    /// <summary>
    /// Reads a response's status line and headers, leaving the connection open; empty when the
    /// server closed the connection without answering.
    /// </summary>
    public async Task<string> ReadResponseHeadAsync(TimeSpan hangGuard)
    {
        using var timeout = new CancellationTokenSource(hangGuard);
        var head = new StringBuilder();
        var one = new byte[1];
        try
        {
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await _tcp.GetStream().ReadAsync(one, timeout.Token) == 1)
            {
                head.Append((char)one[0]);
            }
        }
        catch (IOException)
        {
            // Reset by the server: closed, with what it had sent.
        }

        return head.ToString();
    }

    public void Dispose() => _tcp.Dispose();
}
