using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Endpoints;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.Gateway.Languages;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>The orchestrator probes (deploy/k8s/gateway.yaml): /healthz and /readyz, without authentication.</summary>
[Collection(GatewayCollection.Name)]
public sealed class HealthTests(SharedGateway gateway)
{
    [Theory]
    [InlineData(HealthEndpoints.LivePath)]
    [InlineData(HealthEndpoints.ReadyPath)]
    public async Task Probe_OnAGatewayWithItsSilo_Is200WithoutAKey(string path)
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(gateway.Server.HttpUri, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_WhenTheClusterNeverAnswered_Is503()
    {
        var catalogs = new LanguageCatalogProvider(UnreachableCluster.Create(), Options.Create(new GatewayOptions()),
            TimeProvider.System, NullLogger<LanguageCatalogProvider>.Instance);

        var result = await HealthEndpoints.ReadyAsync(catalogs, CancellationToken.None);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
    }

    /// <summary>A grain factory whose catalog grain fails as a cluster with no silo does.</summary>
    public class UnreachableCluster : DispatchProxy
    {
        public static IGrainFactory Create() => DispatchProxy.Create<IGrainFactory, UnreachableCluster>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod switch
        {
            { Name: nameof(IGrainFactory.GetGrain) } when targetMethod.ReturnType == typeof(ICatalogGrain) => DispatchProxy.Create<ICatalogGrain, UnreachableCluster>(),
            { Name: nameof(ICatalogGrain.GetCatalogAsync) } => Task.FromException<EngineCatalog>(new OrleansException("no silo is answering")),
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }
}
