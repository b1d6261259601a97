namespace SpeechCluster.Cli;

/// <summary>The process exit codes, as documented in <c>--help</c>.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int CannotConnect = 3;
    public const int Rejected = 4;
    public const int ServerError = 5;
    public const int Interrupted = 130;

    public const string Help = """
        Exit codes:
          0    success
          1    unexpected error
          2    usage error: bad arguments, or an input file that is missing or not a WAV file
          3    cannot connect to the server
          4    the server rejected the connection (HTTP 400, 401, 429...); its message is printed
          5    the server closed the session with an error code, or the connection was lost
          130  interrupted (Ctrl+C)
        """;

    public const string Environment = """
        Environment:
          SPEECHCLUSTER_SERVER  default for --server (otherwise ws://127.0.0.1:5000)
          SPEECHCLUSTER_KEY     default for --key
        """;
}
