using SpeechCluster.Engines.Recognition;

namespace SpeechCluster.Engines.Tests.Recognition;

/// <summary>Feeds audio to a stream the way the session does: 100 ms chunks, then trailing silence.</summary>
internal static class Streaming
{
    public const int ChunkSamples = 1600;

    public static (RecognitionResult Final, List<string> Partials) Recognize(IRecognitionStream stream, short[] speech, int trailingSilenceMs = 400)
    {
        var audio = speech.Concat(new short[trailingSilenceMs * 16]).ToArray();
        var partials = new List<string>();
        for (var offset = 0; offset < audio.Length; offset += ChunkSamples)
        {
            partials.Add(stream.AcceptAudio(audio.AsSpan(offset, Math.Min(ChunkSamples, audio.Length - offset))));
        }

        return (stream.Finish(), partials);
    }
}
