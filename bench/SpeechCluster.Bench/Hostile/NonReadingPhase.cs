using System.Diagnostics;
using System.Net.WebSockets;
using SpeechCluster.Bench.Load;
using SpeechCluster.Bench.Server;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Bench.Hostile;

/// <summary>
/// Clients that connect, stream speech at real-time pace and never read a result. The server's
/// sends back up until its SendTimeout aborts each connection; the conversation is then kept for
/// the resume window and dropped. Measures memory before, while they stream, and after.
/// </summary>
internal static class NonReadingPhase
{
    /// <summary>
    /// A small client receive buffer makes the server's sends block after tens of kilobytes of
    /// results rather than the kernel's default ~128 KB (one or two spoken translations), which a
    /// short run might never fill.
    /// </summary>
    public const int ReceiveBuffer = 16 * 1024;

    public static async Task<NonReadingResult> RunAsync(
        ServerProcess server, MemoryTimeline memory, IReadOnlyList<Clip> clips, int clients, TimeSpan cap, TimeSpan quiet, long baseline, CancellationToken cancellationToken)
    {
        using var sockets = new HostileSockets(server.WebSocketUri, ReceiveBuffer);
        var cpu = CpuUse.Start(server);
        var start = memory.Now;
        var ramp = TimeSpan.FromSeconds(5);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(cap);
        // Client i says the clips from clip i on (as in the load run); clients that start on the same clip share its audio.
        var audio = LoadRun.Scripts(clips, Math.Min(clients, clips.Count), cap).Select(s => s.Render().Audio).ToList();
        var runs = Enumerable.Range(0, clients)
            .Select(i => Task.Run(() => OneClientAsync(sockets, audio[i % audio.Count], ramp * i / clients, memory, stop.Token), CancellationToken.None))
            .ToList();
        var ends = await Task.WhenAll(runs);
        var during = cpu();

        var connected = ends.Where(e => e.ConnectedAt is not null).ToList();
        var aborted = connected.Where(e => e.AbortedAt is not null).Select(e => e.AbortedAt!.Value).Order().ToList();
        var allConnected = connected.Count == 0 ? start : connected.Max(e => e.ConnectedAt!.Value);
        var firstAbort = aborted.Count == 0 ? memory.Now : aborted[0];
        var peak = memory.Peak(start, memory.Now);
        // Wait out the resume window (dropped conversations are kept for it), then read the level.
        var after = await memory.SettleAsync(quiet.TotalSeconds, cancellationToken);
        return new NonReadingResult(
            clients,
            connected.Count,
            ends.Where(e => e.ConnectedAt is null).GroupBy(e => e.Refusal!).ToDictionary(g => g.Key, g => g.Count()),
            aborted.Count,
            aborted.Count == 0 ? null : aborted[0] - start,
            aborted.Count == 0 ? null : aborted[^1] - start,
            baseline,
            firstAbort - allConnected >= 2 ? memory.Median(allConnected, firstAbort) : null,
            peak,
            after,
            quiet.TotalSeconds,
            during);
    }

    private static async Task<ClientEnd> OneClientAsync(HostileSockets sockets, short[] audio, TimeSpan delay, MemoryTimeline memory, CancellationToken stop)
    {
        await Task.Delay(delay, CancellationToken.None);
        ClientWebSocket socket;
        try
        {
            socket = await sockets.ConnectAsync(ServerProcess.Key, TimeSpan.FromSeconds(30));
        }
        catch (AttemptFailedException ex)
        {
            return new ClientEnd(null, null, ex.Outcome);
        }

        using (socket)
        {
            var connectedAt = memory.Now;
            try
            {
                await socket.SendAsync(HostileSockets.WavHeader, WebSocketMessageType.Binary, true, stop);
                var clock = Stopwatch.StartNew();
                for (var k = 0; (k + 1) * 1600 <= audio.Length; k++)
                {
                    var due = TimeSpan.FromMilliseconds(100 * k) - clock.Elapsed;
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due, stop);
                    }

                    await socket.SendAsync(TestSpeech.ToBytes(audio.AsSpan(k * 1600, 1600)), WebSocketMessageType.Binary, true, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The phase's cap: this client was never aborted.
                socket.Abort();
                return new ClientEnd(connectedAt, null, null);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException)
            {
                // The server aborted the connection: its send to this client timed out.
                return new ClientEnd(connectedAt, memory.Now, null);
            }

            return new ClientEnd(connectedAt, null, null);
        }
    }

    private sealed record ClientEnd(double? ConnectedAt, double? AbortedAt, string? Refusal);
}

/// <summary>Memory in bytes; times in seconds from the phase's start.</summary>
internal sealed record NonReadingResult(
    int Clients,
    int Connected,
    IReadOnlyDictionary<string, int> Refused,
    int AbortedByServer,
    double? FirstAbortSeconds,
    double? LastAbortSeconds,
    long BaselineBytes,
    long? SteadyBytes,
    long PeakBytes,
    long AfterBytes,
    double QuietSeconds,
    CpuUse Cpu);
