using SpeechCluster.Client;

namespace SpeechCluster.Cli;

/// <summary>Runs a command body and turns its failures into a message on stderr and a documented exit code.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(CliHost host, Func<Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body();
        }
        catch (SpeechTranslationRejectedException ex)
        {
            return Fail(host, ExitCodes.Rejected, $"the server rejected the connection (HTTP {ex.StatusCode}): {ex.ServerMessage ?? "no explanation given"}");
        }
        catch (SpeechTranslationConnectionException ex)
        {
            return Fail(host, ExitCodes.CannotConnect, ex.Message);
        }
        catch (SpeechTranslationConnectionLostException ex)
        {
            return Fail(host, ExitCodes.ServerError, ex.Message);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or ArgumentException or UriFormatException)
        {
            return Fail(host, ExitCodes.Usage, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(host, ExitCodes.Interrupted, "interrupted");
        }
        catch (Exception ex) when (ex is SpeechTranslationException or IOException or UnauthorizedAccessException)
        {
            return Fail(host, ExitCodes.Failure, ex.Message);
        }
    }

    public static int Fail(CliHost host, int exitCode, string message)
    {
        host.Error.WriteLine($"speechcluster: {message}");
        return exitCode;
    }
}
