using System.Globalization;
using StackExchange.Redis;

namespace SpeechCluster.Gateway.Metering;

/// <summary>
/// Usage in Redis, shared by every gateway: one hash per month, three fields per tenant, added to
/// with HINCRBYFLOAT / HINCRBY (atomic on the server, so gateways never overwrite each other).
/// </summary>
public sealed class RedisUsageStore(IConnectionMultiplexer redis) : IUsageStore
{
    private const string Audio = "audio_seconds";
    private const string Translated = "characters_translated";
    private const string Synthesized = "characters_synthesized";

    public async Task AddAsync(string tenant, string month, Usage delta, CancellationToken cancellationToken = default)
    {
        var database = redis.GetDatabase();
        var key = Key(month);
        var batch = database.CreateBatch();
        var writes = new List<Task>(3);
        if (delta.AudioSeconds != 0)
        {
            writes.Add(batch.HashIncrementAsync(key, Field(tenant, Audio), delta.AudioSeconds));
        }

        if (delta.CharactersTranslated != 0)
        {
            writes.Add(batch.HashIncrementAsync(key, Field(tenant, Translated), delta.CharactersTranslated));
        }

        if (delta.CharactersSynthesized != 0)
        {
            writes.Add(batch.HashIncrementAsync(key, Field(tenant, Synthesized), delta.CharactersSynthesized));
        }

        batch.Execute();
        await Task.WhenAll(writes).WaitAsync(cancellationToken);
    }

    public async Task<Usage> GetAsync(string tenant, string month, CancellationToken cancellationToken = default)
    {
        var values = await redis.GetDatabase().HashGetAsync(Key(month), [Field(tenant, Audio), Field(tenant, Translated), Field(tenant, Synthesized)]).WaitAsync(cancellationToken);
        return new Usage(Number(values[0]), (long)Number(values[1]), (long)Number(values[2]));
    }

    public async Task<IReadOnlyDictionary<string, Usage>> GetMonthAsync(string month, CancellationToken cancellationToken = default)
    {
        var usage = new Dictionary<string, Usage>(StringComparer.Ordinal);
        foreach (var entry in await redis.GetDatabase().HashGetAllAsync(Key(month)).WaitAsync(cancellationToken))
        {
            var field = entry.Name.ToString();
            var cut = field.LastIndexOf('/');
            var (tenant, unit, value) = (field[..cut], field[(cut + 1)..], Number(entry.Value));
            usage[tenant] = usage.GetValueOrDefault(tenant) + unit switch
            {
                Audio => new Usage(value, 0, 0),
                Translated => new Usage(0, (long)value, 0),
                _ => new Usage(0, 0, (long)value),
            };
        }

        return usage;
    }

    private static RedisKey Key(string month) => "speechcluster:usage:" + month;

    private static RedisValue Field(string tenant, string unit) => tenant + "/" + unit;

    private static double Number(RedisValue value) =>
        value.IsNull ? 0 : double.Parse(value.ToString(), CultureInfo.InvariantCulture);
}
