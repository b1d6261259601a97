using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Grains.Hosting;

namespace SpeechCluster.EndToEnd.Tests.Observability;

/// <summary>A gateway that traces as an OTLP-configured one does, into an in-memory exporter.</summary>
public sealed class TracedGateway : IAsyncLifetime
{
    public GatewayServer Server { get; private set; } = null!;

    public SpanLog Spans { get; } = new();

    public async Task InitializeAsync() => Server = await GatewayServer.StartAsync(services: services =>
        services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSpeechClusterTracing().AddInMemoryExporter(Spans)));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
