using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Serialization;
using SpeechCluster.Bench.Server;

namespace SpeechCluster.Bench.Hostile;

/// <summary>
/// Thousands of upgrade attempts at once from two tenants, one with a conversation quota (429 past
/// it) and one without (503 once the gateway is full), and some clients that never finish their
/// request headers (Kestrel answers 408 after RequestHeadersTimeout). Accepted connections are
/// held until every attempt has had its answer, so the gateway really fills up.
/// </summary>
internal static class ConnectStorm
{
    public const string QuotaTenant = "storm-quota";
    public const string QuotaKey = "storm-quota-key-0123456789";
    public const string OpenTenant = "storm-open";
    public const string OpenKey = "storm-open-key-0123456789";

    /// <summary>Every this-many-th attempt sends half its request headers and stops.</summary>
    public const int HalfOpenEvery = 10;

    /// <summary>How long an attempt may wait for an answer before it counts as unanswered.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<StormResult> RunAsync(ServerProcess server, int attempts, int concurrency, CancellationToken cancellationToken)
    {
        using var sockets = new HostileSockets(server.WebSocketUri);
        using var gate = new SemaphoreSlim(concurrency);
        var held = new List<ClientWebSocket>();
        var start = Stopwatch.GetTimestamp();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, attempts).Select(i => Task.Run(async () =>
        {
            var kind = i % HalfOpenEvery == HalfOpenEvery - 1 ? "half-open" : i % 2 == 0 ? QuotaTenant : OpenTenant;
            var outcome = kind == "half-open"
                ? await HalfOpenAsync(server, gate, cancellationToken)
                : await UpgradeAsync(sockets, kind == QuotaTenant ? QuotaKey : OpenKey, gate, held, cancellationToken);
            return new Attempt(kind, outcome, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }, cancellationToken)));
        var end = Stopwatch.GetTimestamp();

        foreach (var socket in held)
        {
            socket.Abort();
            socket.Dispose();
        }

        return new StormResult(attempts, concurrency, outcomes, start, end);
    }

    private static async Task<string> UpgradeAsync(HostileSockets sockets, string key, SemaphoreSlim gate, List<ClientWebSocket> held, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var socket = await sockets.ConnectAsync(key, Patience);
            lock (held)
            {
                held.Add(socket);
            }

            return HostileSockets.Accepted;
        }
        catch (AttemptFailedException ex)
        {
            return ex.Outcome;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Connects and sends the request line and one header, never the blank line that ends them.</summary>
    private static async Task<string> HalfOpenAsync(ServerProcess server, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient { NoDelay = true };
        await gate.WaitAsync(cancellationToken);
        try
        {
            await tcp.ConnectAsync("127.0.0.1", server.Port, cancellationToken);
            await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"GET /speech/translate?{HostileSockets.Query} HTTP/1.1\r\nHost: 127.0.0.1\r\n"), cancellationToken);
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : "reset";
        }
        finally
        {
            gate.Release();
        }

        // The wait for Kestrel's answer holds no slot: these clients are cheap to keep open.
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[512];
        try
        {
            var count = await tcp.GetStream().ReadAsync(buffer, timeout.Token);
            var line = Encoding.ASCII.GetString(buffer, 0, count);
            return count == 0 ? "closed without an answer"
                : line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && line.Length >= 12 ? line[9..12]
                : "other: " + line.Split('\r')[0];
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return "no answer";
        }
        catch (IOException)
        {
            return "reset";
        }
    }
}

/// <param name="Kind">The quota tenant, the open tenant, or half-open (never finishes its headers).</param>
/// <param name="AnsweredAfter">Seconds from the storm's first attempt to this one's answer.</param>
internal sealed record Attempt(string Kind, string Outcome, double AnsweredAfter);

internal sealed record StormResult(
    int Attempts,
    int Concurrency,
    [property: JsonIgnore] IReadOnlyList<Attempt> Outcomes,
    [property: JsonIgnore] long StartedAt,
    [property: JsonIgnore] long EndedAt)
{
    /// <summary>Seconds from the first attempt to each answer.</summary>
    public Statistics? AnswerSeconds => Statistics.Of(Outcomes.Select(o => o.AnsweredAfter));

    /// <summary>From the first attempt until every attempt had its answer.</summary>
    public double ShedSeconds => Outcomes.Max(o => o.AnsweredAfter);

    /// <summary>The same for the attempts that sent a whole request (half-open ones wait out RequestHeadersTimeout).</summary>
    public double CompleteRequestsShedSeconds => Outcomes.Where(o => o.Kind != "half-open").Select(o => o.AnsweredAfter).DefaultIfEmpty(0).Max();

    /// <summary>"outcome: count" per kind of attempt.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts => Outcomes
        .GroupBy(o => o.Kind)
        .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.GroupBy(o => o.Outcome).OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary(o => o.Key, o => o.Count()));

    public string Describe(string kind) =>
        string.Join(", ", Counts.GetValueOrDefault(kind)?.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}: {c.Value}")) ?? []);
}
