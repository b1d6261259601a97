using SpeechCluster.Cli;

// The whole command line lives in CliApp so tests can run it in-process with their own console.
return await CliApp.RunAsync(args, CliHost.FromProcess());
