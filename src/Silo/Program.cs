using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SpeechCluster.Grains.Hosting;

// A standalone silo with the embedded engines. A gateway started with
// SpeechCluster__Cluster__Mode=Client joins it through the gateway port.
var builder = Host.CreateApplicationBuilder(args);
var siloPort = builder.Configuration.GetValue("SpeechCluster:Cluster:SiloPort", 11111);
var gatewayPort = builder.Configuration.GetValue("SpeechCluster:Cluster:GatewayPort", 30000);

builder.Services.AddSpeechClusterEngines(builder.Configuration);   // the engines this silo runs
builder.UseOrleans(silo => silo
    .UseLocalhostClustering(siloPort, gatewayPort)                 // one machine; Redis and Kubernetes come later
    .AddSpeechClusterGrains());

await builder.Build().RunAsync();
