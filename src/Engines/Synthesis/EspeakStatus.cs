namespace SpeechCluster.Engines.Synthesis;

/// <summary>Turns espeak-ng's <c>espeak_ERROR</c> codes into exceptions.</summary>
internal static class EspeakStatus
{
    private const int Ok = 0;

    public static void ThrowIfFailed(int status, string operation)
    {
        if (status == Ok)
        {
            return;
        }

        var meaning = status switch
        {
            -1 => "internal error",
            1 => "buffer full",
            2 => "not found",
            _ => "unknown status",
        };
        throw new SpeechSynthesisException(EspeakEngine.EngineName, $"{operation} failed: {meaning} ({status}).", status);
    }
}
