using System.CommandLine;
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
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
        });
        return command;
    }
}
