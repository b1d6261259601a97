namespace SpeechCluster.Grains.Hosting;

/// <summary>
/// The Orleans Dashboard (grains, calls, silos) at the gateways' <c>/dashboard</c>, behind the admin
/// key. Section <c>SpeechCluster:Dashboard</c>. Off by default: it profiles every grain call, a
/// cost a busy cluster pays whether anyone looks or not. Silos and gateways must agree.
/// </summary>
public sealed class DashboardSettings
{
    public const string Section = "SpeechCluster:Dashboard";

    public bool Enabled { get; set; }

    public static bool IsEnabled(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        bool.TryParse(configuration[Section + ":" + nameof(Enabled)], out var enabled) && enabled;
}
