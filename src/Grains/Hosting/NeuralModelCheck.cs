using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SpeechCluster.Engines.Neural;

namespace SpeechCluster.Grains.Hosting;

/// <summary>
/// Loads the configured neural models while the host starts, so that a missing, partial or corrupt
/// model file stops start-up with the manifest's message instead of failing the first conversation.
/// </summary>
internal sealed class NeuralModelCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        Task.Run(() => services.GetRequiredService<NeuralModelSet>(), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
