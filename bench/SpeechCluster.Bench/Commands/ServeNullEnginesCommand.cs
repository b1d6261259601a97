using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using SpeechCluster.Bench.Server;
using SpeechCluster.Gateway.Hosting;

namespace SpeechCluster.Bench.Commands;

/// <summary><c>serve-null-engines</c>: the real gateway and grains with the null engines (benchmark only).</summary>
internal static class ServeNullEnginesCommand
{
    public static Command Create()
    {
        var command = new Command("serve-null-engines", "Run the server with constant-time stand-in engines (benchmark profile; PORT sets the port)");
        command.SetAction(async (_, cancellationToken) =>
        {
            var app = GatewayApp.Create([], builder => builder.Services.AddNullEngines());
            app.MapPost(ServerProcess.LiveHeapPath, LiveHeap);
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// The objects alive now: a full, blocking, compacting collection first, so that garbage the
    /// GC has not yet needed to collect is not counted (only this benchmark role has the endpoint).
    /// </summary>
    private static long LiveHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes;
    }
}
