using System.Net;
using System.Net.WebSockets;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Tls;

/// <summary>HTTPS and wss:// from a PEM certificate and key in configuration (README "TLS").</summary>
public sealed class TlsTests(TlsGateway gateway) : IClassFixture<TlsGateway>
{
    private const string Query = "api-version=1.0&from=en-US&to=es";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public void Start_KestrelHttpsEndpointConfigured_ListensOnItAloneWithoutOverridingTheDefault()
    {
        Assert.StartsWith("https://127.0.0.1:", Assert.Single(gateway.Addresses), StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Logs.Messages, m => m.Contains("Overriding address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wss_ClientTrustingThatCertificate_ConversationGivesAFinal()
    {
        var speech = Speech.Sentences("hello world");
        await using var client = await ProtocolClient.ConnectAsync(gateway.WebSocketUri, Query,
            options => options.RemoteCertificateValidationCallback = (_, certificate, _, errors) => gateway.Certificate.Validate(certificate, errors));

        await client.SendAsync(WavHeaders.Standard());
        await client.SendAudioAsync(speech.Samples);
        await client.WaitForFinalsAsync(1, Patience);
        await client.CloseAndDrainAsync(Patience);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        var recognition = Assert.Single(client.Finals).GetProperty("recognition").GetString()!;
        Assert.True(WordErrorRate.Compute("hello world", recognition) <= 0.5, recognition);
    }

    [Fact]
    public async Task Wss_ClientTrustingAnotherCertificate_RefusesTheServer()
    {
        using var other = new TestCertificate();

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => ProtocolClient.ConnectAsync(gateway.WebSocketUri, Query,
            options => options.RemoteCertificateValidationCallback = (_, certificate, _, errors) => other.Validate(certificate, errors)));

        Assert.IsType<System.Security.Authentication.AuthenticationException>(refused.InnerException?.InnerException ?? refused.InnerException);
    }

    [Fact]
    public async Task Ws_PlainWebSocketToTheTlsPort_Fails()
    {
        var plain = new UriBuilder(gateway.WebSocketUri) { Scheme = "ws" }.Uri;

        await Assert.ThrowsAsync<WebSocketException>(() => ProtocolClient.ConnectAsync(plain, Query));
    }

    [Theory]
    [InlineData("Path")]
    [InlineData("KeyPath")]
    public void Start_CertificateFileMissing_FailsNamingTheFileAndSetting(string setting)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"speechcluster-missing-{Guid.NewGuid():N}.pem");
        var settings = new Dictionary<string, string>
        {
            ["Path"] = gateway.Certificate.CertificatePath,
            ["KeyPath"] = gateway.Certificate.KeyPath,
        };
        settings[setting] = missing;

        var failure = Assert.Throws<InvalidOperationException>(() => TlsGateway.Create(
            settings.Select(s => $"--Kestrel:Endpoints:Https:Certificate:{s.Key}={s.Value}")));

        Assert.Contains(missing, failure.Message, StringComparison.Ordinal);
        Assert.Contains($"Kestrel:Endpoints:Https:Certificate:{setting}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_PfxWithPassword_ServesTheCertificate()
    {
        var pfx = gateway.Certificate.WritePfx();
        var app = TlsGateway.Create(
        [
            $"--Kestrel:Endpoints:Https:Certificate:Path={pfx}",
            $"--Kestrel:Endpoints:Https:Certificate:Password={TestCertificate.PfxPassword}",
        ]);
        await app.StartAsync();
        try
        {
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, errors) => gateway.Certificate.Validate(certificate, errors),
            };
            using var http = new HttpClient(handler);

            var response = await http.GetAsync(new Uri(new Uri(Assert.Single(TlsGateway.ListeningOn(app))), "/languages?api-version=1.0&scope=speech"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("en-US", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await TlsGateway.StopAsync(app);
        }
    }
}
