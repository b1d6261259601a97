using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SpeechCluster.Bench.Gpu;
using SpeechCluster.Engines.Neural;
using SpeechCluster.Engines.Neural.Models;
using SpeechCluster.TestSupport.ContractModels;

namespace SpeechCluster.Bench.Commands;

/// <summary>
/// <c>gpu</c>: conversations per GPU at a latency bound, with per-stage latency and GPU memory, for
/// the neural models given. Without CUDA it says so and exits 0, unless <c>--device Cpu</c> asks
/// for the same measurement on the CPU.
/// </summary>
internal static class GpuCommand
{
    public static Command Create(Option<string> eval, Option<string> output)
    {
        var directory = new Option<string>("--models-dir") { Description = "Models directory (SpeechCluster:Neural:ModelsDirectory)", DefaultValueFactory = _ => "models/neural" };
        var ids = new Option<string[]>("--model") { Description = "Model ids to load (repeat): one ASR, optionally one MT and one TTS", AllowMultipleArgumentsPerToken = true };
        var contract = new Option<bool>("--contract-models") { Description = "Check the benchmark itself: tiny contract models instead of real ones (figures mean nothing)" };
        var device = new Option<OnnxDevice>("--device") { Description = "Cuda (default: measure only where a GPU answers) or Cpu", DefaultValueFactory = _ => OnnxDevice.Cuda };
        var from = new Option<string>("--from") { DefaultValueFactory = _ => "en" };
        var to = new Option<string>("--to") { DefaultValueFactory = _ => "es" };
        var steps = new Option<string>("--conversations") { Description = "Concurrency steps", DefaultValueFactory = _ => "1,2,4,8,16,32" };
        var bound = new Option<double>("--bound-ms") { Description = "p95 end of speech to speech must stay under this", DefaultValueFactory = _ => 800 };
        var arena = new Option<CudaArenaExtension>("--arena-extension") { Description = "How each session's CUDA arena grows (SpeechCluster:Neural:CudaArenaExtension)", DefaultValueFactory = _ => new NeuralOptions().CudaArenaExtension };
        var budget = new Option<int>("--gpu-budget-mib") { Description = "GPU memory for all the models' arenas together, 0 for no limit (SpeechCluster:Neural:GpuMemoryBudgetMiB)" };
        var command = new Command("gpu", "Conversations per GPU at a latency bound, per-stage latency and GPU memory (neural models)")
        {
            eval, output, directory, ids, device, from, to, steps, bound, contract, arena, budget,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(device);
            if (chosen != OnnxDevice.Cpu && new OnnxSessionFactory(OnnxDevice.Auto, NullLogger<OnnxSessionFactory>.Instance) is { UsesCuda: false } probe)
            {
                Console.WriteLine($"No GPU here: {probe.Reason}. Run bench gpu on a silo machine with CUDA, or pass --device Cpu to measure the same on the CPU.");
                return 0;
            }

            using var contractModels = parse.GetValue(contract) ? ContractModels() : null;
            var options = new NeuralOptions
            {
                ModelsDirectory = contractModels?.Directory ?? parse.GetValue(directory),
                Device = chosen,
                Models = [.. contractModels?.Ids ?? parse.GetValue(ids) ?? []],
                CudaArenaExtension = parse.GetValue(arena),
                GpuMemoryBudgetMiB = parse.GetValue(budget),
            };
            if (options.Models.Count == 0)
            {
                Console.Error.WriteLine("Name the models to load with --model (models/fetch list shows them).");
                return 2;
            }

            var memoryBefore = GpuMemoryUsedMiB();
            using var models = NeuralModelSet.Load(options, null, NullLoggerFactory.Instance);
            var memoryLoaded = GpuMemoryUsedMiB();
            var (_, clips) = Clip.Load(parse.GetValue(eval));
            var loop = new NeuralConversationLoop(models, parse.GetValue(from)!, parse.GetValue(to)!);
            await loop.RunAsync(clips[0], cancellationToken); // warm-up: first runs allocate arenas and tune kernels

            var rows = new List<GpuStep>();
            foreach (var conversations in parse.GetValue(steps)!.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
            {
                var times = await Task.WhenAll(Enumerable.Range(0, conversations)
                    .Select(i => loop.RunAsync(clips[i % clips.Count], cancellationToken)));
                var step = new GpuStep(conversations, Statistics.Of(times.Select(t => t.EndOfSpeechToSpeechMs))!, Statistics.Of(times.Select(t => t.FinalMs))!,
                    Statistics.Of(times.Select(t => t.TranslationMs))!, Statistics.Of(times.Select(t => t.SynthesisMs))!, Statistics.Of(times.Select(t => t.SlowestChunkMs))!, GpuMemoryUsedMiB());
                rows.Add(step);
                Console.Error.WriteLine($"{conversations} conversations: p95 end of speech to speech {step.EndOfSpeechToSpeech.P95:F0} ms");
                if (step.EndOfSpeechToSpeech.P95 > parse.GetValue(bound) * 2)
                {
                    break; // far past the bound: more conversations only take longer
                }
            }

            var capacity = rows.Where(r => r.EndOfSpeechToSpeech.P95 <= parse.GetValue(bound)).Select(r => r.Conversations).DefaultIfEmpty(0).Max();
            var gpu = NvidiaSmi("name") is { Length: > 0 } gpuName ? $"; GPU: {gpuName}" : "";
            var report = new GpuReport(BenchEnvironment.Machine + gpu, BenchEnvironment.Date, BenchEnvironment.Commit(), models.Sessions!.Provider, models.Sessions.Reason,
                $"arena {options.CudaArenaExtension}, budget {(options.GpuMemoryBudgetMiB > 0 ? options.GpuMemoryBudgetMiB + " MiB" : "none")}", [.. models.Loaded], parse.GetValue(bound), capacity, memoryBefore, memoryLoaded, rows, contractModels is not null);
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            var name = (contractModels is not null ? "gpu-contract" : "gpu") + (chosen == OnnxDevice.Cpu ? "-on-cpu" : "");
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".md"), report.ToMarkdown(), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
            Console.WriteLine(report.ToMarkdown());
            return 0;
        });
        return command;
    }

    // Tiny models with the real exports' inputs and outputs (tests/TestSupport): they prove the
    // benchmark runs end to end; their timings say nothing about real models.
    private static ContractModelSet ContractModels() => new ContractModelSet()
        .Add("whisper-contract", ModelStage.Asr, ModelFamily.Whisper, ["en"], dir => WhisperContractModel.Write(dir, "hello world", language: "en", tokensPerSecond: 100, merged: true))
        .Add("marian-contract", ModelStage.Mt, ModelFamily.Marian, ["en", "es"], dir => Seq2SeqContractModel.WriteMarian(dir, merged: true))
        .Add("piper-contract-es", ModelStage.Tts, ModelFamily.Piper, ["es"], dir => PiperContractModel.Write(dir, language: "es", name: "es_ES-contract-medium"));

    /// <summary>GPU memory in use, from nvidia-smi; null where there is none.</summary>
    private static int? GpuMemoryUsedMiB() =>
        int.TryParse(NvidiaSmi("memory.used"), CultureInfo.InvariantCulture, out var mib) ? mib : null;

    /// <summary>The first GPU's value of an nvidia-smi query field; null where there is no nvidia-smi.</summary>
    private static string? NvidiaSmi(string field)
    {
        try
        {
            using var smi = Process.Start(new ProcessStartInfo("nvidia-smi", $"--query-gpu={field} --format=csv,noheader,nounits") { RedirectStandardOutput = true });
            var text = smi!.StandardOutput.ReadToEnd();
            smi.WaitForExit();
            return text.Split('\n')[0].Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

internal sealed record GpuStep(int Conversations, Statistics EndOfSpeechToSpeech, Statistics Final, Statistics Translation, Statistics Synthesis, Statistics SlowestChunk, int? GpuMemoryMiB);

internal sealed record GpuReport(string Machine, string Date, string Commit, string Provider, string ProviderReason, string Memory, string[] Models, double BoundMs,
    int Capacity, int? GpuMemoryBeforeMiB, int? GpuMemoryLoadedMiB, IReadOnlyList<GpuStep> Steps, bool ContractModels)
{
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Neural engines: conversations per device ({Provider})");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine}. Date: {Date}. Commit: {Commit}. Provider: {Provider} ({ProviderReason}; {Memory}). Models: {string.Join(", ", Models)}.");
        text.AppendLine();
        if (ContractModels)
        {
            text.AppendLine("**Contract models** (tiny stand-ins with the real exports' inputs and outputs): this run checks the benchmark itself; its figures say nothing about real models.");
            text.AppendLine();
        }

        text.AppendLine("Each conversation streams a clip in 100 ms chunks at real-time pace (partials as the recognizer makes them), then takes its final, translates it and speaks the translation; all conversations of a step run at once. **End of speech to speech**: from the last chunk to the synthesized translation.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**Capacity: {Capacity} conversations** keep p95 end of speech to speech under {BoundMs:F0} ms. GPU memory: {GpuMemoryBeforeMiB?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} MiB before loading, {GpuMemoryLoadedMiB?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} MiB loaded.");
        text.AppendLine();
        text.AppendLine("| conversations | end of speech → speech p50 / p95 (ms) | final p50 / p95 | translation p50 / p95 | synthesis p50 / p95 | slowest chunk p95 | GPU memory (MiB) |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var s in Steps)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Conversations} | {s.EndOfSpeechToSpeech.Median:F0} / {s.EndOfSpeechToSpeech.P95:F0} | {s.Final.Median:F0} / {s.Final.P95:F0} | {s.Translation.Median:F0} / {s.Translation.P95:F0} | {s.Synthesis.Median:F0} / {s.Synthesis.P95:F0} | {s.SlowestChunk.P95:F0} | {s.GpuMemoryMiB?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} |");
        }

        return text.ToString();
    }
}
