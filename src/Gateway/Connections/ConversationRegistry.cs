using Microsoft.Extensions.Options;
using SpeechCluster.Gateway.Auth;
using SpeechCluster.Gateway.Hosting;

namespace SpeechCluster.Gateway.Connections;

/// <summary>
/// Counts the conversations this gateway process carries, in all and per tenant, and admits a new
/// one only under <see cref="GatewayOptions.MaxConnections"/>, under its tenant's quota, and while
/// the gateway is not draining for shutdown. The counts are this process's own: with several
/// gateways, a tenant may hold its quota on each (see README, "Limits"). Thread-safe.
/// </summary>
internal sealed class ConversationRegistry(IOptions<GatewayOptions> gateway, IOptions<AuthOptions> auth)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _perTenant = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _empty = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _active;
    private bool _draining;

    public int ActiveCount => Volatile.Read(ref _active);

    /// <summary>Whether shutdown began: every new conversation is refused.</summary>
    public bool Draining => Volatile.Read(ref _draining);

    /// <summary>Admits a conversation of <paramref name="tenant"/>, or says why not; dispose the lease when it ends.</summary>
    public Admission TryEnter(string tenant, out Lease lease)
    {
        lease = default;
        var quota = TenantQuota(tenant);
        lock (_lock)
        {
            var ofTenant = _perTenant.GetValueOrDefault(tenant);
            var refusal = _draining ? Admission.Draining
                : _active >= gateway.Value.MaxConnections ? Admission.GatewayFull
                : quota > 0 && ofTenant >= quota ? Admission.TenantFull
                : Admission.Admitted;
            if (refusal != Admission.Admitted)
            {
                return refusal;
            }

            _perTenant[tenant] = ofTenant + 1;
            _active++;
        }

        lease = new Lease(this, tenant);
        return Admission.Admitted;
    }

    /// <summary>The quota that refused <paramref name="tenant"/> (for the refusal's message).</summary>
    public int TenantQuota(string tenant) =>
        auth.Value.Tenants.GetValueOrDefault(tenant)?.MaxConversations ?? gateway.Value.MaxConversationsPerTenant;

    /// <summary>Refuses every new conversation from now on; completes when the last open one ends.</summary>
    public Task DrainAsync()
    {
        lock (_lock)
        {
            _draining = true;
            if (_active == 0)
            {
                _empty.TrySetResult();
            }
        }

        return _empty.Task;
    }

    private void Leave(string tenant)
    {
        lock (_lock)
        {
            if (--_perTenant[tenant] == 0)
            {
                _perTenant.Remove(tenant);
            }

            if (--_active == 0 && _draining)
            {
                _empty.TrySetResult();
            }
        }
    }

    internal readonly struct Lease(ConversationRegistry? registry, string tenant) : IDisposable
    {
        public void Dispose() => registry?.Leave(tenant);
    }
}

internal enum Admission
{
    Admitted,
    GatewayFull,
    TenantFull,
    Draining,
}
