using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Bench;

/// <summary>
/// The real gateway with its embedded silo, started in this process on a free loopback port, and a
/// listener on the session's latency instruments (which only an in-process server lets us read).
/// </summary>
internal sealed class EmbeddedServer : IAsyncDisposable
{
    public const string Key = "bench-key-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, List<double>> _measurements = [];

    private EmbeddedServer(WebApplication app, Uri uri)
    {
        _app = app;
        Uri = uri;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("SpeechCluster", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (_measurements)
            {
                (_measurements.TryGetValue(instrument.Name, out var list) ? list : _measurements[instrument.Name] = []).Add(value);
            }
        });
        _listener.Start();
    }

    public Uri Uri { get; }

    public static async Task<EmbeddedServer> StartAsync()
    {
        var port = LoopbackPorts.Free();
        var app = GatewayApp.Create([], builder =>
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SpeechCluster:Auth:Tenants:bench:Keys:0"] = Key,
                ["SpeechCluster:Cluster:SiloPort"] = LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["SpeechCluster:Cluster:GatewayPort"] = LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });
        await app.StartAsync();
        return new EmbeddedServer(app, new Uri($"ws://127.0.0.1:{port}"));
    }

    /// <summary>Every value recorded by the named instrument so far.</summary>
    public IReadOnlyList<double> Measurements(string instrument)
    {
        lock (_measurements)
        {
            return _measurements.TryGetValue(instrument, out var list) ? [.. list] : [];
        }
    }

    public void ClearMeasurements()
    {
        lock (_measurements)
        {
            _measurements.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
