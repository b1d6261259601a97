using BenchmarkDotNet.Running;

// Micro-benchmarks of engine hot paths (see bench/README.md). Pass BenchmarkDotNet arguments through,
// e.g. --filter '*TrueText*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
