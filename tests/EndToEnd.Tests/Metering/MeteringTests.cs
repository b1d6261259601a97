using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Auth;
using SpeechCluster.Gateway.Metering;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Metering;

/// <summary>Per-tenant usage is counted, kept in a store, readable by an admin, and held to monthly quotas.</summary>
public sealed class MeteringTests : IDisposable
{
    private const string AdminKey = "admin-key-0123456789abcdef";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _usageFile = Path.Combine(Path.GetTempPath(), $"usage-test-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_usageFile);

    [Fact]
    public async Task A_conversation_is_counted_in_audio_seconds_and_characters_and_an_admin_reads_it()
    {
        await using var server = await StartAsync();
        var speech = TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("where is the train station"), TestSpeech.Silence(1000));
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, "api-version=1.0&from=en-US&to=es&features=TextToSpeech");
        await client.SendAsync(WavHeaders.Standard());
        await client.SendAudioAsync(speech);
        await client.WaitForFinalsAsync(1, Patience);
        await client.CloseAndDrainAsync(Patience);
        var translation = Assert.Single(client.Finals).GetProperty("translation").GetString()!;
        Assert.Single(client.Audio);

        using var http = new HttpClient { BaseAddress = server.HttpUri };
        var refused = await http.GetAsync(UsageEndpoint.Path);
        using var request = new HttpRequestMessage(HttpMethod.Get, UsageEndpoint.Path + "?tenant=" + GatewayServer.Tenant);
        request.Headers.Add(UsageEndpoint.KeyHeader, AdminKey);
        var answer = await http.SendAsync(request);
        var usage = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tenants").GetProperty(GatewayServer.Tenant);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(speech.Length / 16000.0, usage.GetProperty("audioSeconds").GetDouble(), precision: 2);
        Assert.Equal(translation.Length, usage.GetProperty("charactersTranslated").GetInt64());
        Assert.Equal(translation.Length, usage.GetProperty("charactersSynthesized").GetInt64());
    }

    [Fact]
    public async Task A_tenant_over_its_monthly_quota_is_refused_403_at_connect_and_the_count_survives_a_restart()
    {
        var quota = new Dictionary<string, string?> { [$"SpeechCluster:Auth:Tenants:{GatewayServer.Tenant}:MonthlyAudioSeconds"] = "1" };
        await using (var server = await StartAsync(quota))
        {
            await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, "api-version=1.0&from=en-US&to=es");
            await client.SendAsync(WavHeaders.Standard());
            await client.SendAudioAsync(TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("where is the train station"), TestSpeech.Silence(1000)));
            await client.CloseAndDrainAsync(Patience);
        }

        // A new process with the same usage file: what was counted is still there.
        await using var restarted = await StartAsync(quota);
        var refusal = await ProtocolClient.RefusedAsync(restarted.WebSocketUri, "api-version=1.0&from=en-US&to=es");
        await using var otherTenant = await ProtocolClient.ConnectAsync(restarted.WebSocketUri, "api-version=1.0&from=en-US&to=es", key: GatewayServer.OtherKey);

        Assert.Equal(HttpStatusCode.Forbidden, refusal.Status);
        Assert.Contains("monthly quota of 1 audio seconds", refusal.ErrorMessage);
        Assert.NotNull(otherTenant.ResponseHeaders);
    }

    [Fact]
    public async Task Redis_usage_is_added_to_atomically_by_every_gateway_and_read_per_month()
    {
        await using var redis = await RedisServer.StartAsync();
        using var first = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        using var second = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var (a, b) = (new RedisUsageStore(first), new RedisUsageStore(second));

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => (i % 2 == 0 ? a : b).AddAsync("acme", "2026-11", new Usage(0.5, 10, 3))));
        await a.AddAsync("other", "2026-11", new Usage(1, 1, 1));
        await a.AddAsync("acme", "2026-12", new Usage(9, 9, 9));

        Assert.Equal(new Usage(25, 500, 150), await b.GetAsync("acme", "2026-11"));
        var month = await a.GetMonthAsync("2026-11");
        Assert.Equal(["acme", "other"], month.Keys.Order());
        Assert.Equal(new Usage(25, 500, 150), month["acme"]);
    }

    private Task<GatewayServer> StartAsync(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SpeechCluster:Metering:File"] = _usageFile,
            ["SpeechCluster:Metering:AdminKeyHashes:0"] = KeyHash.Create(AdminKey, KeyHash.MinIterations).ToString(),
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return GatewayServer.StartAsync(settings);
    }
}
