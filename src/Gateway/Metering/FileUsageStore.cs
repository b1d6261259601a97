using System.Text.Json;

namespace SpeechCluster.Gateway.Metering;

/// <summary>
/// Usage of an embedded server in one JSON file (month → tenant → usage). Each addition rewrites the
/// file through a temporary one and a rename, so a crash leaves the previous whole file, never half
/// of one. One process owns the file; additions are serialised.
/// </summary>
public sealed class FileUsageStore : IUsageStore
{
    private readonly string _path;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<string, Dictionary<string, Usage>> _months;

    public FileUsageStore(string path)
    {
        _path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        _months = File.Exists(_path)
            ? JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, Usage>>>(File.ReadAllBytes(_path))
              ?? throw new InvalidDataException($"{_path}: not a usage file")
            : [];
    }

    public async Task AddAsync(string tenant, string month, Usage delta, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var tenants = _months.TryGetValue(month, out var found) ? found : _months[month] = [];
            tenants[tenant] = tenants.GetValueOrDefault(tenant) + delta;
            var temporary = _path + ".tmp";
            await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(_months), CancellationToken.None);
            File.Move(temporary, _path, overwrite: true);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<Usage> GetAsync(string tenant, string month, CancellationToken cancellationToken = default) =>
        (await GetMonthAsync(month, cancellationToken)).GetValueOrDefault(tenant);

    public async Task<IReadOnlyDictionary<string, Usage>> GetMonthAsync(string month, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return _months.TryGetValue(month, out var tenants) ? new Dictionary<string, Usage>(tenants) : new Dictionary<string, Usage>();
        }
        finally
        {
            _lock.Release();
        }
    }
}
