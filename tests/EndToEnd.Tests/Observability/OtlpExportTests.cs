using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Observability;

/// <summary>The OTLP exporter is there when, and only when, an endpoint is configured, and sends to it.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task EndpointConfigured_UtteranceTracesPostedToTheCollector()
    {
        var port = LoopbackPorts.Free();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = ReceiveAsync(collector);

        await using (var server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }))
        {
            Assert.NotNull(server.Services.GetService<TracerProvider>());
            await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, "api-version=1.0&from=en-US&to=es");
            await client.SendAsync(WavHeaders.Standard());
            await client.SendAudioAsync(Speech.Sentences("hello world").Samples);
            await client.WaitForFinalsAsync(1, TimeSpan.FromSeconds(90));
            await client.CloseAndDrainAsync(TimeSpan.FromSeconds(90));
        }

        // Stopping the gateway flushes its batches.
        var paths = await received.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("/v1/traces", paths);
    }

    [Fact]
    public async Task NoEndpoint_NoTracerProvider()
    {
        await using var server = await GatewayServer.StartAsync();

        Assert.Null(server.Services.GetService<TracerProvider>());
    }

    /// <summary>Answers every OTLP request with 200 until one for traces has come; the paths it saw.</summary>
    private static async Task<List<string>> ReceiveAsync(HttpListener collector)
    {
        var paths = new List<string>();
        while (!paths.Contains("/v1/traces"))
        {
            var context = await collector.GetContextAsync();
            using (var body = new MemoryStream())
            {
                await context.Request.InputStream.CopyToAsync(body);
                if (body.Length > 0)
                {
                    paths.Add(context.Request.Url!.AbsolutePath);
                }
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }

        return paths;
    }
}
