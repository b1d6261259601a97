using SpeechCluster.Grains.Session;

namespace SpeechCluster.Grains.Tests;

public sealed class OpenUtteranceTests
{
    [Fact]
    public void TakeUnsent_AfterAppendsAcrossManySeconds_ReturnsEachNewPieceInOrder()
    {
        // The recognizer is not called here.
        var utterance = new OpenUtterance(3, 1000, recognizer: null!);
        var audio = Enumerable.Range(0, 60_000).Select(i => (short)(i * 3)).ToArray();
        var taken = new List<short>();

        var position = 0;
        foreach (var length in Enumerable.Repeat(new[] { 512, 1600, 17_000, 333 }, 10).SelectMany(l => l))
        {
            var piece = Math.Min(length, audio.Length - position);
            utterance.Append(audio.AsSpan(position, piece));
            position += piece;
            var unsent = utterance.TakeUnsent();
            Assert.Equal(audio[(position - piece)..position], unsent);
            taken.AddRange(unsent);
        }

        Assert.Equal(audio[..position], taken);
        Assert.Equal(1000 + position, utterance.AudioEnd);
    }

    [Fact]
    public void TakeUnsent_AtMostSoMany_HandsTheBacklogOutInOrderedPieces()
    {
        var utterance = new OpenUtterance(0, 0, recognizer: null!);
        var audio = Enumerable.Range(0, 50_000).Select(i => (short)i).ToArray();
        utterance.Append(audio);

        var pieces = new List<short[]>();
        while (utterance.Unsent > 0)
        {
            pieces.Add(utterance.TakeUnsent(16_000));
            Assert.Equal(pieces.Sum(p => p.Length), utterance.Sent);
        }

        Assert.Equal([16_000, 16_000, 16_000, 2_000], pieces.Select(p => p.Length));
        Assert.Equal(audio, pieces.SelectMany(p => p));
        Assert.Empty(utterance.TakeUnsent(16_000));
    }

    [Fact]
    public void Release_GivesTheAudioBack_NothingLeftToSendEvenTwice()
    {
        var utterance = new OpenUtterance(0, 0, recognizer: null!);
        utterance.Append(new short[40_000]);
        utterance.TakeUnsent(1_000);

        utterance.Release();
        utterance.Release();

        Assert.Equal(0, utterance.Unsent);
        Assert.Empty(utterance.TakeUnsent());
        Assert.Equal(40_000, utterance.AudioEnd);
    }

    [Fact]
    public void TakeUnsent_NothingNew_IsEmpty()
    {
        var utterance = new OpenUtterance(0, 0, recognizer: null!);
        Assert.Empty(utterance.TakeUnsent());

        utterance.Append([1, 2, 3]);
        Assert.Equal([1, 2, 3], utterance.TakeUnsent());
        Assert.Empty(utterance.TakeUnsent());
        Assert.Equal(3, utterance.AudioEnd);
    }
}
