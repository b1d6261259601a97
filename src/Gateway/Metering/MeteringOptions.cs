namespace SpeechCluster.Gateway.Metering;

/// <summary>Where usage is kept and who may read it. Section <c>SpeechCluster:Metering</c>.</summary>
public sealed class MeteringOptions
{
    public const string Section = "SpeechCluster:Metering";

    /// <summary>The usage file of an embedded server (with Redis clustering, usage goes to that Redis). Default: <c>.speechcluster/usage.json</c>.</summary>
    public string File { get; set; } = Path.Combine(".speechcluster", "usage.json");

    /// <summary>
    /// A conversation's audio is written to the store at least this often (and its characters with
    /// every final): what a crashed gateway had not yet written is at most this much. Default: 5 s.
    /// </summary>
    public TimeSpan AudioFlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Keys of the operators allowed to read <c>/admin/usage</c>, as salted hashes (<c>speechcluster hash-key</c>). Default: none, the endpoint answers 401.</summary>
    public List<string> AdminKeyHashes { get; set; } = [];
}
