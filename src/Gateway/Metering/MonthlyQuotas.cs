using Microsoft.Extensions.Options;
using SpeechCluster.Gateway.Auth;

namespace SpeechCluster.Gateway.Metering;

/// <summary>Each tenant's monthly quotas (<see cref="TenantOptions"/>) against what it used this month.</summary>
internal sealed class MonthlyQuotas(IUsageStore store, IOptions<AuthOptions> auth, TimeProvider time)
{
    /// <summary>Why <paramref name="tenant"/> may not start a conversation, or null.</summary>
    public async Task<string?> RefusalAsync(string tenant, CancellationToken cancellationToken)
    {
        if (!auth.Value.Tenants.TryGetValue(tenant, out var quota)
            || quota is { MonthlyAudioSeconds: null, MonthlyCharactersTranslated: null, MonthlyCharactersSynthesized: null })
        {
            return null;
        }

        var now = time.GetUtcNow();
        var used = await store.GetAsync(tenant, Usage.MonthOf(now), cancellationToken);
        var renews = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string? Over(string what, double usedValue, double? limit) =>
            limit is { } max && usedValue >= max ? $"this key's tenant has used its monthly quota of {max:0.##} {what} ({usedValue:0.##} used); it renews on {renews}" : null;
        return Over("audio seconds", used.AudioSeconds, quota.MonthlyAudioSeconds)
            ?? Over("characters translated", used.CharactersTranslated, quota.MonthlyCharactersTranslated)
            ?? Over("characters synthesized", used.CharactersSynthesized, quota.MonthlyCharactersSynthesized);
    }
}
