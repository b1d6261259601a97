using SpeechCluster.Engines.Vad;

namespace SpeechCluster.Engines.Tests.Vad;

/// <summary>Feeds an endpointer runs of constant probability, with 10 ms frames (160 samples).</summary>
internal static class EndpointerScript
{
    public const int Frame = 160;
    public const float Speech = 0.9f;
    public const float Quiet = 0.05f;
    public const float Between = 0.4f;

    public static (Endpointer Endpointer, List<EndpointEvent> Events) Run(EndpointerOptions options, params (float Probability, int Frames)[] runs)
    {
        var endpointer = new Endpointer(options, Frame);
        var events = new List<EndpointEvent>();
        foreach (var (probability, frames) in runs)
        {
            for (var i = 0; i < frames; i++)
            {
                endpointer.Accept(probability, events);
            }
        }

        return (endpointer, events);
    }
}
