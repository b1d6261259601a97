namespace SpeechCluster.Grains.Session;

/// <summary>
/// A recognizer activation that has not heard the utterance from its start: its predecessor went
/// with a silo that stopped (graceful deactivation gives no error, only a fresh activation), or a
/// call to it was dropped. The session moves the utterance to a new recognizer. Never crosses the wire.
/// </summary>
internal sealed class RecognizerForgotException() : Exception(Reason)
{
    public const string Reason = "the recognizer had not heard the utterance from its start";
}
