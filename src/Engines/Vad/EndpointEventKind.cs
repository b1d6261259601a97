namespace SpeechCluster.Engines.Vad;

/// <summary>What an <see cref="EndpointEvent"/> reports.</summary>
public enum EndpointEventKind
{
    /// <summary>An utterance opened: start recognizing from <see cref="EndpointEvent.StartSample"/>.</summary>
    Started = 1,

    /// <summary>The open utterance closed: its audio ends at <see cref="EndpointEvent.EndSample"/>.</summary>
    Ended,
}
