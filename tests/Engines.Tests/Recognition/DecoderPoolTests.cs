using SpeechCluster.Engines.Recognition;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Engines.Tests.Recognition;

/// <summary>The decoder pool behind <see cref="PocketSphinxRecognizer"/>: bounded, lazily filled, leak-free.</summary>
public sealed class DecoderPoolTests
{
    [Fact]
    public void Dispose_FinishedAndUnfinishedStreams_ReturnEveryDecoder()
    {
        // With the catch-up pass a stream holds two decoders while it runs.
        using var recognizer = RecognizerFixture.Create(new PocketSphinxOptions { MaxDecoders = 3, CatchUpPass = true });
        var speech = TestSpeech.LibriVox[1].Samples;

        using (var finished = recognizer.OpenStream())
        {
            var (final, _) = Streaming.Recognize(finished, speech);
            Assert.True(WordErrorRate.Compute(TestSpeech.LibriVox[1].Transcript, final.Text) <= 0.5, final.Text);
            Assert.Equal(2, recognizer.DecodersLeased);
        }

        var unfinished = recognizer.OpenStream();
        unfinished.AcceptAudio(speech);
        Assert.True(recognizer.DecodersLeased >= 1);
        unfinished.Dispose();

        var neverFed = recognizer.OpenStream();
        neverFed.Dispose();
        neverFed.Dispose();

        Assert.Equal(0, recognizer.DecodersLeased);
        Assert.InRange(recognizer.DecodersCreated, 1, 3);
    }

    [Fact]
    public async Task OpenStreamAsync_PoolAtItsBound_WaitsUntilALeaseIsReturned()
    {
        // Without the catch-up pass each stream holds exactly one decoder.
        using var recognizer = RecognizerFixture.Create(new PocketSphinxOptions { MaxDecoders = 2, CatchUpPass = false });
        var first = await recognizer.OpenStreamAsync();
        using var second = await recognizer.OpenStreamAsync();

        var third = recognizer.OpenStreamAsync().AsTask();
        await Task.Yield();
        Assert.False(third.IsCompleted);
        Assert.Equal(2, recognizer.DecodersCreated);

        first.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var stream = await third.WaitAsync(timeout.Token);
        Assert.Equal(2, recognizer.DecodersCreated);
        Assert.Equal(2, recognizer.DecodersLeased);
        Assert.Equal(string.Empty, stream.Finish().Text);
    }

    [Fact]
    public async Task OpenStreamAsync_PoolAtItsBoundAndCancelled_Throws()
    {
        using var recognizer = RecognizerFixture.Create(new PocketSphinxOptions { MaxDecoders = 1, CatchUpPass = false });
        using var only = await recognizer.OpenStreamAsync();
        using var cancel = new CancellationTokenSource();

        var waiting = recognizer.OpenStreamAsync(cancel.Token).AsTask();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, recognizer.DecodersLeased);
    }

    [Fact]
    public void OpenStream_PoolAtItsBound_TimesOut()
    {
        var options = new PocketSphinxOptions { MaxDecoders = 1, CatchUpPass = false };
        using var recognizer = RecognizerFixture.Create(options);
        options.LeaseTimeout = TimeSpan.FromMilliseconds(50);
        using var only = recognizer.OpenStream();

        Assert.Throws<TimeoutException>(() => recognizer.OpenStream());
    }

    [Fact]
    public async Task WarmUpAsync_BeforeAnyStream_CreatesDecoderWithoutLeasingIt()
    {
        using var recognizer = RecognizerFixture.Create(new PocketSphinxOptions { MaxDecoders = 2, PrewarmDecoders = 1, SpareDecoders = 0 });
        Assert.Equal(0, recognizer.DecodersCreated);

        await recognizer.WarmUpAsync();

        Assert.Equal(1, recognizer.DecodersCreated);
        Assert.Equal(0, recognizer.DecodersLeased);
        using var stream = recognizer.OpenStream();
        Assert.Equal(1, recognizer.DecodersCreated);
    }

    [Fact]
    public async Task OpenStream_TakesTheLastIdleDecoder_ASpareIsMadeInTheBackgroundAndTheNextStreamTakesIt()
    {
        using var recognizer = RecognizerFixture.Create(new PocketSphinxOptions { MaxDecoders = 3, PrewarmDecoders = 1, SpareDecoders = 1 });
        await recognizer.WarmUpAsync();

        using var first = recognizer.OpenStream();
        await WaitUntilAsync(() => recognizer.DecodersCreated == 2);
        Assert.Equal(1, recognizer.DecodersLeased);

        // The second stream takes the spare, and a third decoder (the last the bound allows) is made for the next.
        using var second = recognizer.OpenStream();
        await WaitUntilAsync(() => recognizer.DecodersCreated == 3);
        using var third = recognizer.OpenStream();
        Assert.Equal(3, recognizer.DecodersLeased);
        Assert.Equal(3, recognizer.DecodersCreated);
    }

    [Fact]
    public async Task OpenStream_SparesAtTheBound_NeverMoreDecodersThanMaxDecoders()
    {
        using var recognizer = RecognizerFixture.Create(new PocketSphinxOptions { MaxDecoders = 2, PrewarmDecoders = 2, SpareDecoders = 2 });
        await recognizer.WarmUpAsync();

        using var first = recognizer.OpenStream();
        using var second = recognizer.OpenStream();
        var third = recognizer.OpenStreamAsync().AsTask();

        Assert.False(third.IsCompleted);
        Assert.Equal(2, recognizer.DecodersCreated);
        first.Dispose();
        using var stream = await third.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, recognizer.DecodersCreated);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Generous: a decoder loads in about a second, several on a loaded machine.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
