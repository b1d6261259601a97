using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SpeechCluster.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A TCP relay on a free loopback port in front of the gateway, which a test can cut: <see cref="Cut"/> resets
/// every connection through it at once, both ways, as a network failure does; later connections are relayed again.
/// </summary>
public sealed class CuttableProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _accepted;

    public CuttableProxy(Uri target)
    {
        _targetPort = target.Port;
        _listener.Start();
        Address = new Uri($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptLoopAsync();
    }

    /// <summary>Where clients connect instead of the gateway.</summary>
    public Uri Address { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Resets every open connection: RST to the client and to the gateway, no close handshake.</summary>
    public void Cut()
    {
        foreach (var socket in _open.Keys)
        {
            Reset(socket);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptSocketAsync(_stop.Token);
            Interlocked.Increment(ref _accepted);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            await using var fromClient = new NetworkStream(client, ownsSocket: false);
            await using var fromGateway = new NetworkStream(upstream, ownsSocket: false);
            // Either direction ending ends the pair.
            await Task.WhenAny(fromClient.CopyToAsync(fromGateway, _stop.Token), fromGateway.CopyToAsync(fromClient, _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Cut, or one side went away: the other is reset below.
        }
        finally
        {
            _open.TryRemove(client, out _);
            _open.TryRemove(upstream, out _);
            Reset(client);
            Reset(upstream);
        }
    }

    /// <summary>Closes with a zero linger: the peer gets an RST, as when a network path fails, not a FIN.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        socket.Dispose();
    }
}
