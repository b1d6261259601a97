namespace SpeechCluster.Engines.Vad;

/// <summary>Why an utterance ended.</summary>
public enum UtteranceEndReason
{
    /// <summary>Not an end (the event is <see cref="EndpointEventKind.Started"/>).</summary>
    None = 0,

    /// <summary>Silence lasted <see cref="EndpointerOptions.EndSilence"/>.</summary>
    Silence,

    /// <summary>The utterance reached <see cref="EndpointerOptions.MaxUtteranceLength"/>.</summary>
    MaxLength,

    /// <summary><see cref="Endpointer.ForceEnd"/>: a client's flush, or the end of the stream.</summary>
    Forced,
}
