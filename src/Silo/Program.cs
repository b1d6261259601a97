using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SpeechCluster.Grains.Hosting;

// A standalone silo: hosts conversations and the worker grains of its engines
// (SpeechCluster:Silo:Engines), and joins the cluster of SpeechCluster:Cluster (localhost by
// default, Redis or Kubernetes for many machines). Gateways join it as clients.
var builder = Host.CreateApplicationBuilder(args);
// Orleans' placement runs through a Polly pipeline that logs every attempt at Information.
builder.Logging.AddFilter("Polly", LogLevel.Warning);
// Traces, metrics and logs over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; nothing otherwise.
builder.Services.AddSpeechClusterTelemetry(builder.Configuration, "speechcluster-silo");
builder.UseOrleans(silo => silo
    .UseSpeechClusterClustering(builder.Configuration)   // membership, endpoints, failure detection
    .AddSpeechClusterGrains(builder.Configuration));     // engines, capabilities, placement

await builder.Build().RunAsync();
