using System.Net.WebSockets;
using SpeechCluster.Bench.Server;

namespace SpeechCluster.Bench.Hostile;

/// <summary>
/// Connections that finish the handshake and then send nothing: what each costs the server while
/// it holds them (for up to IdleTimeout), and what is left once they are gone.
/// </summary>
internal static class IdlePhase
{
    /// <summary>Upgrades in flight at once while the connections are opened.</summary>
    public const int ConnectConcurrency = 50;

    public static async Task<IdleResult> RunAsync(
        ServerProcess server, MemoryTimeline memory, int connections, TimeSpan hold, long baseline, CancellationToken cancellationToken)
    {
        using var sockets = new HostileSockets(server.WebSocketUri);
        var cpu = CpuUse.Start(server);
        var opened = new List<ClientWebSocket>();
        var refused = new Dictionary<string, int>();
        using var gate = new SemaphoreSlim(ConnectConcurrency);
        var start = memory.Now;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var socket = await sockets.ConnectAsync(ServerProcess.Key, TimeSpan.FromSeconds(60));
                lock (opened)
                {
                    opened.Add(socket);
                }
            }
            catch (AttemptFailedException ex)
            {
                lock (opened)
                {
                    refused[ex.Outcome] = refused.GetValueOrDefault(ex.Outcome) + 1;
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        var connectSeconds = memory.Now - start;
        var held = await memory.SettleAsync(hold.TotalSeconds, cancellationToken);
        var heldFor = memory.Now - start;
        var use = cpu();

        foreach (var socket in opened)
        {
            socket.Abort();
            socket.Dispose();
        }

        var after = await memory.SettleAsync(5, cancellationToken);
        return new IdleResult(connections, opened.Count, refused, connectSeconds, heldFor, baseline, held, memory.Peak(start, memory.Now), after, use);
    }
}

/// <summary>Memory in bytes; <c>HeldBytes</c> is the median while all were open.</summary>
internal sealed record IdleResult(
    int Attempted,
    int Opened,
    IReadOnlyDictionary<string, int> Refused,
    double ConnectSeconds,
    double HeldForSeconds,
    long BaselineBytes,
    long HeldBytes,
    long PeakBytes,
    long AfterBytes,
    CpuUse Cpu)
{
    public double BytesPerConnection => Opened == 0 ? 0 : (HeldBytes - BaselineBytes) / (double)Opened;
}
