using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Infrastructure;

/// <summary>Conversations of flite-spoken sentences with pauses between them, and where each sentence lies.</summary>
public static class Speech
{
    public sealed record Conversation(short[] Samples, IReadOnlyList<(string Text, int StartSample, int EndSample)> Sentences);

    public static Conversation Sentences(params string[] sentences) => Sentences(1500, sentences);

    public static Conversation Sentences(int pauseMilliseconds, params string[] sentences)
    {
        var pieces = new List<short[]> { TestSpeech.Silence(500) };
        var spans = new List<(string, int, int)>();
        var position = pieces[0].Length;
        foreach (var sentence in sentences)
        {
            var spoken = TestSpeech.Flite(sentence);
            var (first, last) = SpeechBounds(spoken);
            spans.Add((sentence, position + first, position + last));
            pieces.Add(spoken);
            pieces.Add(TestSpeech.Silence(pauseMilliseconds));
            position += spoken.Length + (pauseMilliseconds * 16);
        }

        return new Conversation(TestSpeech.Concat([.. pieces]), spans);
    }

    /// <summary>First and last sample louder than a faint floor.</summary>
    private static (int First, int Last) SpeechBounds(short[] samples)
    {
        const int Floor = 300;
        var first = Array.FindIndex(samples, s => Math.Abs((int)s) > Floor);
        var last = Array.FindLastIndex(samples, s => Math.Abs((int)s) > Floor);
        return (Math.Max(first, 0), Math.Max(last, 0));
    }
}
