using SpeechCluster.Gateway.Hosting;

await GatewayApp.Create(args).RunAsync();
