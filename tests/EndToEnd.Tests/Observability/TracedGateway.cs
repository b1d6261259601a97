using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Grains.Hosting;

namespace SpeechCluster.EndToEnd.Tests.Observability;

/// <summary>A gateway that traces as an OTLP-configured one does, into an in-memory exporter.</summary>
public sealed class TracedGateway : IAsyncLifetime
{
    public GatewayServer Server { get; private set; } = null!;

    public SpanLog Spans { get; } = new();

    public ScopeLog Logs { get; } = new();

    public async Task InitializeAsync() => Server = await GatewayServer.StartAsync(
        // The session's start is logged at Debug: a log of each conversation to check the scopes of.
        new Dictionary<string, string?> { ["Logging:LogLevel:SpeechCluster.Grains.Session"] = "Debug" },
        services =>
        {
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSpeechClusterTracing().AddInMemoryExporter(Spans));
            services.AddSingleton<ILoggerProvider>(Logs);
        });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
