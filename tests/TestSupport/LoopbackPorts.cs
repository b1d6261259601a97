using System.Net;
using System.Net.Sockets;

namespace SpeechCluster.TestSupport;

/// <summary>Ports for servers that tests and benchmarks start on loopback.</summary>
public static class LoopbackPorts
{
    /// <summary>A port free right now: the system picks it, the listener releases it.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
