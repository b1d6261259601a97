using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Bench.Server;

/// <summary>
/// A SpeechCluster server in its own process, so that its CPU time and memory can be measured
/// apart from the load generator's: the real gateway (embedded engines), or this benchmark's
/// null-engines server.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string Key = "bench-key-0123456789abcdef";

    private readonly Process _process;

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    public Uri WebSocketUri => new($"ws://127.0.0.1:{Port}");

    public Uri HttpUri => new($"http://127.0.0.1:{Port}");

    /// <summary>
    /// Starts the product's gateway (embedded silo and engines) from its Release build, with
    /// <paramref name="settings"/> as environment variables (configuration keys with <c>__</c>).
    /// </summary>
    public static Task<ServerProcess> StartGatewayAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync("dotnet", [RepositoryFile("src/Gateway/bin/Release/net10.0/SpeechCluster.Gateway.dll")], cancellationToken, settings);

    /// <summary>Starts the gateway with no engines, as a client of the cluster whose membership is in <paramref name="redis"/>.</summary>
    public static Task<ServerProcess> StartClusterGatewayAsync(string redis, string clusterId, CancellationToken cancellationToken) =>
        StartAsync("dotnet", [RepositoryFile("src/Gateway/bin/Release/net10.0/SpeechCluster.Gateway.dll")], cancellationToken, new Dictionary<string, string>
        {
            ["SpeechCluster__Cluster__Mode"] = "Client",
            ["SpeechCluster__Cluster__Provider"] = "Redis",
            ["SpeechCluster__Cluster__Redis"] = redis,
            ["SpeechCluster__Cluster__ClusterId"] = clusterId,
        });

    /// <summary>The null-engines server's endpoint that answers its live GC heap after a full collection.</summary>
    public const string LiveHeapPath = "/bench/live-heap";

    /// <summary>The null-engines server's live GC heap, in bytes, after a full collection (it pauses the server briefly).</summary>
    public async Task<long> LiveHeapBytesAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(HttpUri, LiveHeapPath), null, cancellationToken);
        response.EnsureSuccessStatusCode();
        return long.Parse(await response.Content.ReadAsStringAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Starts this benchmark in its null-engines server role.</summary>
    public static Task<ServerProcess> StartNullEnginesAsync(CancellationToken cancellationToken) =>
        StartAsync("dotnet", [typeof(ServerProcess).Assembly.Location, "serve-null-engines"], cancellationToken, new Dictionary<string, string>
        {
            // The run asks for thousands of conversations; the product's default limit is 1000.
            ["SpeechCluster__Gateway__MaxConnections"] = "100000",
        });

    /// <summary>Waits until the server answers /languages, i.e. its engines are up.</summary>
    public async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {_process.ExitCode}");
            }

            try
            {
                var response = await http.GetAsync(new Uri(HttpUri, "/languages?api-version=1.0"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>CPU time of the server and its child processes (Apertium pipelines).</summary>
    public TimeSpan CpuTime => ProcessStats.TreeCpuTime(Pid);

    public long ResidentBytes => ProcessStats.ResidentBytes(Pid);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<ServerProcess> StartAsync(string program, string[] arguments, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["SpeechCluster__Auth__Tenants__bench__Keys__0"] = Key;
        start.Environment["SpeechCluster__Cluster__SiloPort"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture);
        start.Environment["SpeechCluster__Cluster__GatewayPort"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture);
        // BENCH_SERVER_LOG=file keeps the server's output (stderr in file.err; at BENCH_SERVER_LOG_LEVEL, default Warning) for diagnosis.
        var log = Environment.GetEnvironmentVariable("BENCH_SERVER_LOG");
        start.Environment["Logging__LogLevel__Default"] = log is null ? "Warning" : Environment.GetEnvironmentVariable("BENCH_SERVER_LOG_LEVEL") ?? "Warning";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        // Drain the server's output so it never blocks on a full pipe.
        _ = KeepAsync(process.StandardOutput, log);
        _ = KeepAsync(process.StandardError, log is null ? null : log + ".err");
        var server = new ServerProcess(process, port);
        await server.WaitReadyAsync(cancellationToken);
        return server;
    }

    private static async Task KeepAsync(StreamReader output, string? file)
    {
        await using var kept = file is null ? null : new StreamWriter(file, append: true) { AutoFlush = true };
        while (await output.ReadLineAsync() is { } line)
        {
            if (kept is not null)
            {
                await kept.WriteLineAsync(line);
            }
        }
    }

    public static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SpeechCluster.sln")))
            {
                var path = Path.Combine(dir.FullName, relative);
                return File.Exists(path) ? path : throw new FileNotFoundException("build it first: dotnet build -c Release", path);
            }
        }

        throw new DirectoryNotFoundException("SpeechCluster.sln not found above " + AppContext.BaseDirectory);
    }
}
