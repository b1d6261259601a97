using System.Diagnostics;
using System.Globalization;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Bench.Server;

/// <summary>
/// A cluster of separate processes on loopback: a redis-server for membership, silos (src/Silo,
/// embedded engines) and a gateway with no engines that joins them as a client.
/// </summary>
internal sealed class ClusterProcesses : IAsyncDisposable
{
    private readonly Process _redis;
    private readonly List<Process> _silos;

    private ClusterProcesses(Process redis, List<Process> silos, ServerProcess gateway)
    {
        _redis = redis;
        _silos = silos;
        Gateway = gateway;
    }

    public ServerProcess Gateway { get; }

    public int SiloCount => _silos.Count;

    public static async Task<ClusterProcesses> StartAsync(int silos, CancellationToken cancellationToken)
    {
        var redisPort = LoopbackPorts.Free();
        var redis = Start("redis-server", ["--port", redisPort.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no"], []);
        var connection = $"127.0.0.1:{redisPort}";
        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var started = new List<Process>();
        for (var i = 0; i < silos; i++)
        {
            var silo = Start("dotnet", [ServerProcess.RepositoryFile("src/Silo/bin/Release/net10.0/SpeechCluster.Silo.dll")], new Dictionary<string, string>
            {
                ["SpeechCluster__Cluster__Provider"] = "Redis",
                ["SpeechCluster__Cluster__Redis"] = connection,
                ["SpeechCluster__Cluster__ClusterId"] = clusterId,
                ["SpeechCluster__Cluster__SiloPort"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
                ["SpeechCluster__Cluster__GatewayPort"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
                ["Logging__LogLevel__Default"] = "Information",
                ["DOTNET_gcServer"] = "0",
            });
            await WaitForLineAsync(silo, "Application started", TimeSpan.FromSeconds(120), cancellationToken);
            started.Add(silo);
        }

        var gateway = await ServerProcess.StartClusterGatewayAsync(connection, clusterId, cancellationToken);
        return new ClusterProcesses(redis, started, gateway);
    }

    /// <summary>SIGKILL, as when the silo's machine dies.</summary>
    public void KillSilo(int index) => _silos[index].Kill(entireProcessTree: true);

    /// <summary>CPU time of every silo still running and of the gateway.</summary>
    public TimeSpan CpuTime => _silos.Where(s => !s.HasExited).Aggregate(Gateway.CpuTime, (sum, s) => sum + ProcessStats.TreeCpuTime(s.Id));

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var process in _silos.Append(_redis))
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }

    private static Process Start(string program, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
    }

    /// <summary>Reads the process's output until <paramref name="text"/> appears, then keeps draining it so it never blocks.</summary>
    private static async Task WaitForLineAsync(Process process, string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"the silo exited before printing '{text}'");
    }
}
