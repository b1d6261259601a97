using System.Diagnostics;
using System.Net;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Infrastructure;

/// <summary>A standalone silo (src/Silo) as its own process: alone on localhost clustering, or joined to a Redis-backed cluster.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private SiloProcess(Process process, int siloPort, int gatewayPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <param name="redis">The Redis membership store, or null for localhost clustering.</param>
    /// <param name="settings">More configuration, as <c>SpeechCluster:Neural:Models:0</c> (passed as environment variables).</param>
    public static async Task<SiloProcess> StartAsync(
        string? redis, string clusterId = "speechcluster", string engines = "vad,asr,truetext,mt,tts", IReadOnlyDictionary<string, string?>? settings = null)
    {
        var (siloPort, gatewayPort) = (LoopbackPorts.Free(), LoopbackPorts.Free());
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(BuiltPrograms.Silo);
        start.Environment["SpeechCluster__Cluster__Provider"] = redis is null ? "Localhost" : "Redis";
        start.Environment["SpeechCluster__Cluster__Redis"] = redis ?? "";
        start.Environment["SpeechCluster__Cluster__ClusterId"] = clusterId;
        start.Environment["SpeechCluster__Cluster__SiloPort"] = siloPort.ToString();
        start.Environment["SpeechCluster__Cluster__GatewayPort"] = gatewayPort.ToString();
        start.Environment["SpeechCluster__Silo__Engines"] = engines;
        start.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the silo did not start");
        var silo = new SiloProcess(process, siloPort, gatewayPort);
        await silo.WaitForAsync("Application started", TimeSpan.FromSeconds(90));
        return silo;
    }

    /// <summary>SIGKILL: the silo vanishes without a word, as when its machine dies.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as Kubernetes or systemd stop a pod or service: the silo shuts down gracefully.</summary>
    public async Task TerminateAsync()
    {
        // Process.Kill sends SIGKILL only; kill(1) sends the signal a process manager would.
        using var kill = Process.Start("kill", ["-TERM", Pid.ToString()]) ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>What the silo wrote so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(40));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitForAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(StreamReader reader) => _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (_output)
                {
                    _output.Add(line);
                    if (Environment.GetEnvironmentVariable("SPEECHCLUSTER_TEST_LOGS") is { Length: > 0 } folder)
                    {
                        // For a person chasing a failure: every line of every silo, one file per silo.
                        File.AppendAllText(Path.Combine(folder, $"silo-{SiloPort}.log"), line + "\n");
                    }
                }

                if (line.Contains(text, StringComparison.Ordinal))
                {
                    seen.TrySetResult();
                }
            }
        });
        Collect(_process.StandardOutput);
        Collect(_process.StandardError);
        try
        {
            await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"the silo did not print '{text}' within {timeout}:\n{Output}");
        }
    }
}
