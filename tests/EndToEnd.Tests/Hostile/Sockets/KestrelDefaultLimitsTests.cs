using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SpeechCluster.EndToEnd.Tests.Hostile.Sockets;

/// <summary>What bounds a slow or silent client when nothing is configured (README, "Limits").</summary>
[Collection(HostileGatewayCollection.Name)]
public sealed class KestrelDefaultLimitsTests(HostileGateway gateway)
{
    [Fact]
    public void Request_headers_within_10_s_and_Kestrels_keep_alive_timeout()
    {
        var limits = gateway.Server.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.Equal(TimeSpan.FromSeconds(10), limits.RequestHeadersTimeout);
        Assert.Equal(new KestrelServerLimits().KeepAliveTimeout, limits.KeepAliveTimeout);
    }
}
