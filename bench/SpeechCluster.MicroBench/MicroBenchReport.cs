using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Reports;

namespace SpeechCluster.MicroBench;

/// <summary>
/// The results of a run as Markdown: per operation its mean time and allocation, and both per second
/// of audio where the operation handles audio (<see cref="AudioPerOperationAttribute"/>).
/// </summary>
internal sealed class MicroBenchReport(IReadOnlyList<Summary> summaries, string job, string loadBefore)
{
    private const string MeanColumn = "mean";
    private const string AllocatedColumn = "allocated / op";

    public string ToMarkdown(string? before)
    {
        var earlier = before is null ? null : ReadTable(before);
        var text = new StringBuilder();
        text.AppendLine("# Micro-benchmarks: the per-frame path");
        text.AppendLine();
        text.AppendLine("Written by `dotnet run -c Release --project bench/SpeechCluster.MicroBench -- --quick --report` (bench/README.md).");
        text.AppendLine();
        text.AppendLine(Invariant($"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        text.AppendLine(Invariant($"- machine: {CpuName()}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        text.AppendLine(Invariant($"- load average (1, 5, 15 min) before: {loadBefore}; after: {LoadAverage()}"));
        text.AppendLine(Invariant($"- job: {job}"));
        text.AppendLine("- data: LibriVox `sense_and_sensibility_01_austen_64kb-0870.wav` (7.1 s, 16 kHz) from pocketsphinx-testdata, in 100 ms messages of 3,200 bytes; other rates resampled from it");
        text.AppendLine("- per audio second: the mean and allocation scaled to one second of audio (CPU time of one core per second of one conversation)");
        text.AppendLine();
        var header = $"| operation | audio / op | {MeanColumn} | {AllocatedColumn} | CPU / audio s | allocated / audio s |";
        text.AppendLine(earlier is null ? header : header + " before: mean | before: allocated / op |");
        text.AppendLine(earlier is null ? "|---|---:|---:|---:|---:|---:|" : "|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var report in summaries.SelectMany(summary => summary.Reports))
        {
            var row = Row(report);
            text.Append(Invariant($"| {row.Operation} | {row.Audio} | {row.Mean} | {row.Allocated} | {row.MeanPerSecond} | {row.AllocatedPerSecond} |"));
            if (earlier is not null)
            {
                var (mean, allocated) = earlier.TryGetValue(row.Operation, out var old) ? old : ("-", "-");
                text.Append(Invariant($" {mean} | {allocated} |"));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>The load average now, as /proc/loadavg gives it (the machine may be shared).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";

    private static (string Operation, string Audio, string Mean, string Allocated, string MeanPerSecond, string AllocatedPerSecond) Row(BenchmarkReport report)
    {
        var benchmark = report.BenchmarkCase;
        var parameters = string.Join(", ", benchmark.Parameters.Items.Select(p => Invariant($"{p.Name}={p.Value}")));
        var operation = $"{benchmark.Descriptor.Type.Name.Replace("Benchmarks", "", StringComparison.Ordinal)}.{benchmark.Descriptor.WorkloadMethod.Name}"
            + (parameters.Length > 0 ? $" ({parameters})" : "");
        double? mean = report.ResultStatistics?.Mean;
        long? allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark);
        var audio = benchmark.Descriptor.WorkloadMethod.GetCustomAttribute<AudioPerOperationAttribute>()?.Audio;
        var perSecond = audio is { } a ? 1.0 / a.TotalSeconds : (double?)null;
        return (
            operation,
            audio is { } d ? Invariant($"{d.TotalMilliseconds:0} ms") : "-",
            mean is { } m ? Time(m) : "failed",
            allocated is { } b ? Bytes(b) : "-",
            mean is { } mm && perSecond is { } s ? Time(mm * s) : "-",
            allocated is { } bb && perSecond is { } ss ? Bytes((long)Math.Round(bb * ss)) : "-");
    }

    // The earlier report's mean and allocation per operation, from its table.
    private static Dictionary<string, (string Mean, string Allocated)> ReadTable(string markdown)
    {
        var rows = new Dictionary<string, (string, string)>();
        int? meanIndex = null, allocatedIndex = null;
        foreach (var line in markdown.Split('\n').Where(l => l.StartsWith('|')))
        {
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells[0] == "operation")
            {
                meanIndex = Array.IndexOf(cells, MeanColumn);
                allocatedIndex = Array.IndexOf(cells, AllocatedColumn);
            }
            else if (meanIndex is int mi && allocatedIndex is int ai && mi >= 0 && ai >= 0 && !cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                rows[cells[0]] = (cells[mi], cells[ai]);
            }
        }

        return rows;
    }

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        < 1_000 => Invariant($"{nanoseconds:0.0} ns"),
        < 1_000_000 => Invariant($"{nanoseconds / 1_000:0.00} µs"),
        _ => Invariant($"{nanoseconds / 1_000_000:0.00} ms"),
    };

    private static string Bytes(long bytes) => bytes switch
    {
        < 1024 => Invariant($"{bytes} B"),
        < 1024 * 1024 => Invariant($"{bytes / 1024.0:0.0} KB"),
        _ => Invariant($"{bytes / (1024.0 * 1024):0.00} MB"),
    };

    private static string CpuName()
    {
        const string Key = "model name";
        var line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(Key, StringComparison.Ordinal)) : null;
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
