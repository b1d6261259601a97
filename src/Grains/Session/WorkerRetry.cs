using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Polly;
using Polly.Retry;

namespace SpeechCluster.Grains.Session;

/// <summary>
/// Retries a call to a stateless worker whose silo was lost: once the cluster has declared it
/// dead (about 2 s with fast failure detection) the call lands on another capable silo.
/// </summary>
internal static class WorkerRetry
{
    public const string PipelineKey = "worker-retry";

    public static IServiceCollection AddWorkerRetry(this IServiceCollection services) =>
        services.AddKeyedSingleton(PipelineKey, (_, _) => new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsSiloLoss),
                MaxRetryAttempts = 12,
                Delay = TimeSpan.FromMilliseconds(250),
                BackoffType = DelayBackoffType.Constant,
            })
            .Build());

    /// <summary>
    /// Runs <paramref name="call"/> under the pipeline and comes back on the grain's scheduler:
    /// Polly's default continues on the thread pool, which grain code must never do.
    /// </summary>
    public static async Task<T> ExecuteInGrainAsync<T>(this ResiliencePipeline pipeline, Func<Task<T>> call)
    {
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true);
        try
        {
            return await pipeline.ExecuteAsync(static async (_, call) => await call(), context, call);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The silo holding the worker is gone or unreachable; a wrong request is not retried.</summary>
    public static bool IsSiloLoss(Exception exception) => exception switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException => true,
        OrleansException { InnerException: { } inner } => IsSiloLoss(inner),
        _ => false,
    };

    /// <summary>
    /// The silo is certainly gone: a silo fails its calls to a silo the cluster declared dead at
    /// once, so a timeout here means a slow worker, not a lost one. For a recognizer, whose
    /// replacement must hear the whole utterance again, mistaking slowness for loss adds work to
    /// a machine that is already behind.
    /// </summary>
    public static bool IsCertainSiloLoss(Exception exception) => exception switch
    {
        SiloUnavailableException or OrleansMessageRejectionException => true,
        OrleansException { InnerException: { } inner } => IsCertainSiloLoss(inner),
        _ => false,
    };
}
