namespace SpeechCluster.Gateway.Metering;

/// <summary>Where usage is kept: Redis when the gateways form a cluster, a file in embedded mode.</summary>
public interface IUsageStore
{
    /// <summary>Adds to a tenant's month; durable when the call returns.</summary>
    Task AddAsync(string tenant, string month, Usage delta, CancellationToken cancellationToken = default);

    Task<Usage> GetAsync(string tenant, string month, CancellationToken cancellationToken = default);

    /// <summary>Every tenant's usage in a month.</summary>
    Task<IReadOnlyDictionary<string, Usage>> GetMonthAsync(string month, CancellationToken cancellationToken = default);
}
