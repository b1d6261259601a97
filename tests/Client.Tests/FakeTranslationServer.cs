using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SpeechCluster.Client.Tests;

/// <summary>
/// A stand-in for a translation server: Kestrel on 127.0.0.1, a free port, running a script per request.
/// Real sockets, so the client's handshake (headers, refusals with a body) is exercised as it is in use.
/// </summary>
internal sealed class FakeTranslationServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeTranslationServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>ws://127.0.0.1:port</summary>
    public Uri Address { get; }

    /// <summary>Every request seen, in order.</summary>
    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>Failures of the scripts, rethrown by <see cref="DisposeAsync"/> so a broken script fails its test.</summary>
    public ConcurrentQueue<Exception> ScriptFailures { get; } = new();

    /// <summary>Answers plain HTTP with <paramref name="handle"/> (refusals, /languages).</summary>
    public static Task<FakeTranslationServer> StartHttpAsync(RequestDelegate handle) => StartAsync(handle);

    /// <summary>Accepts the WebSocket (with X-RequestId and X-ConversationId headers) and runs <paramref name="session"/> on it.</summary>
    public static Task<FakeTranslationServer> StartSessionAsync(Func<WebSocket, Task> session) => StartAsync(async context =>
    {
        context.Response.Headers["X-RequestId"] = "0123456789abcdef0123456789abcdef";
        context.Response.Headers["X-ConversationId"] = "conversation-42";
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await session(socket);
    });

    private static async Task<FakeTranslationServer> StartAsync(RequestDelegate handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeTranslationServer? server = null;
        app.UseWebSockets();
        app.Run(async context =>
        {
            server!.Requests.Enqueue(new SeenRequest(context.Request.Path, context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            try
            {
                await handle(context);
            }
            catch (Exception ex)
            {
                server.ScriptFailures.Enqueue(ex);
                throw;
            }
        });
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        server = new FakeTranslationServer(app, new Uri($"ws://127.0.0.1:{port}"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Assert.DoesNotContain(ScriptFailures, e => e is not (WebSocketException or OperationCanceledException or ConnectionAbortedException));
    }

    /// <summary>What the server saw of one request.</summary>
    public sealed record SeenRequest(string Path, string RawQuery, IReadOnlyDictionary<string, string> Headers);
}
