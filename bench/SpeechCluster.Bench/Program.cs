using System.CommandLine;
using System.Globalization;
using SpeechCluster.Bench.Commands;

// Benchmarks of SpeechCluster as users feel it. See bench/README.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var eval = new Option<string>("--eval") { Description = "Folder with index.tsv and <id>.wav/.txt (default: ../shared/eval/dev/speech if found, else Debian's LibriVox test recordings)" };
var output = new Option<string>("--out") { Description = "Folder for the reports", DefaultValueFactory = _ => "bench/results" };

var root = new RootCommand("SpeechCluster benchmarks")
{
    LatencyCommand.Create(eval, output),          // one conversation at a time: latency and WER
    LoadCommand.Create(eval, output),             // concurrency sweep, baselines, null engines
    FailoverCommand.Create(eval, output),         // a silo killed mid-conversation
    HostileCommand.Create(eval, output),          // idle and non-reading clients, a connect storm
    GpuCommand.Create(eval, output),              // neural models: conversations per GPU at a latency bound
    ServeNullEnginesCommand.Create(),             // the null-engines server role of the load command
};
return await root.Parse(args).InvokeAsync();
