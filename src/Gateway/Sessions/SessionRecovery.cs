using Polly;
using Polly.Retry;

namespace SpeechCluster.Gateway.Sessions;

/// <summary>How hard a gateway tries to rebuild a session whose silo was lost. Section <c>SpeechCluster:Gateway:Recovery</c>.</summary>
public sealed class SessionRecoveryOptions
{
    public const string Section = "SpeechCluster:Gateway:Recovery";

    /// <summary>
    /// How long to keep trying: the cluster needs about 2 s to declare a killed silo dead (see
    /// ClusterSettings.FastFailureDetection) before the session can be placed elsewhere. Default: 20 s.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Wait between attempts. Default: 250 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);
}

internal static class SessionRecovery
{
    public const string PipelineKey = "session-recovery";

    /// <summary>The retry policy of session recovery, as a keyed Polly pipeline.</summary>
    public static IServiceCollection AddSessionRecovery(this IServiceCollection services)
    {
        services.AddOptions<SessionRecoveryOptions>().BindConfiguration(SessionRecoveryOptions.Section);
        services.AddKeyedSingleton(PipelineKey, (provider, _) =>
        {
            var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SessionRecoveryOptions>>().Value;
            return new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(SiloLoss.Is),
                    MaxRetryAttempts = Math.Max(1, (int)(options.GiveUpAfter / options.RetryDelay)),
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Constant,
                })
                .Build();
        });
        return services;
    }
}
