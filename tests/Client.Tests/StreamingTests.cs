using System.Buffers.Binary;
using System.Net.WebSockets;
using NAudio.Wave;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Client.Tests;

public sealed class StreamingTests
{
    private static readonly Recording Speech = TestSpeech.LibriVox.Single(r => r.Id.EndsWith("0880", StringComparison.Ordinal));

    [Fact]
    public async Task TranslateFileAsync_RealRecording_SendsHeaderAloneThenTheFilesPcmThenSilence()
    {
        var (received, events) = await StreamAsync(Speech.Path, new FileStreamingOptions { Fast = true });

        var header = received.Binary.First();
        Assert.Equal(44, header.Length);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(header, 0, 4));
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4)));
        Assert.Equal("WAVEfmt ", System.Text.Encoding.ASCII.GetString(header, 8, 8));
        Assert.Equal(16, BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(16)));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(header.AsSpan(20)));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(header.AsSpan(22)));
        Assert.Equal(16000, BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(24)));
        Assert.Equal(32000, BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(28)));
        Assert.Equal(2, BinaryPrimitives.ReadInt16LittleEndian(header.AsSpan(32)));
        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(header.AsSpan(34)));
        Assert.Equal("data", System.Text.Encoding.ASCII.GetString(header, 36, 4));
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(40)));

        var speech = TestSpeech.ToBytes(Speech.Samples);
        var expected = speech.Concat(new byte[32000]).ToArray(); // the file, then the default 1 s of silence
        Assert.Equal(expected.Length, received.Pcm.Length);
        Assert.True(expected.AsSpan().SequenceEqual(received.Pcm), "the PCM sent differs from the file's samples");
        Assert.All(received.Binary.Skip(1), chunk => Assert.InRange(chunk.Length, 2, 3200));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, received.CloseStatus);
        Assert.IsType<SessionClosed>(events[^1]);
    }

    [Fact]
    public async Task TranslateFileAsync_PacedOrFast_SendsTheSameBytes()
    {
        var progress = new List<FileStreamingProgress>();
        var (paced, _) = await StreamAsync(Speech.Path, new FileStreamingOptions { Speed = 20 }, new Recorder(progress));
        var (fast, _) = await StreamAsync(Speech.Path, new FileStreamingOptions { Fast = true });

        Assert.Equal(fast.Pcm, paced.Pcm);
        Assert.Equal(fast.Binary.Select(b => b.Length), paced.Binary.Select(b => b.Length));
        var duration = TimeSpan.FromSeconds(Speech.Samples.Length / 16000.0);
        Assert.Equal(duration.TotalSeconds, progress[^1].Sent.TotalSeconds, 3);
        Assert.Equal(duration.TotalSeconds, progress[^1].Total.TotalSeconds, 2);
        Assert.Equal(progress.OrderBy(p => p.Sent), progress);
    }

    [Fact]
    public async Task TranslateFileAsync_StereoAt48kHz_ArrivesAs16kHzMonoOfTheSameTone()
    {
        var path = Path.Combine(Path.GetTempPath(), $"speechcluster-client-{Guid.NewGuid():N}.wav");
        try
        {
            // Two seconds of a 440 Hz tone at half scale, the same on both channels.
            using (var writer = new WaveFileWriter(path, new WaveFormat(48000, 16, 2)))
            {
                for (var i = 0; i < 96000; i++)
                {
                    var sample = (short)(16384 * Math.Sin(2 * Math.PI * 440 * i / 48000.0));
                    writer.WriteSamples([sample, sample], 0, 2);
                }
            }

            var (received, _) = await StreamAsync(path, new FileStreamingOptions { Fast = true }, trailingSilence: TimeSpan.Zero);

            var samples = new short[received.Pcm.Length / 2];
            Buffer.BlockCopy(received.Pcm, 0, samples, 0, received.Pcm.Length);
            Assert.InRange(samples.Length, 31500, 32000);
            var middle = samples[4000..28000]; // 1.5 s away from the resampler's edges
            var crossings = middle.Zip(middle.Skip(1)).Count(p => p.First < 0 != p.Second < 0);
            Assert.InRange(crossings / 2.0 / 1.5, 435, 445);
            var rms = Math.Sqrt(middle.Average(s => (double)s * s));
            Assert.InRange(rms, 16384 / Math.Sqrt(2) * 0.95, 16384 / Math.Sqrt(2) * 1.05);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TranslateFileAsync_NotAWavFile_FailsWithInvalidData()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "this is not audio");
            await using var server = await FakeTranslationServer.StartSessionAsync(socket => ServerSide.ReceiveUntilCloseAsync(socket));
            await using var client = await SpeechTranslationClient.ConnectAsync(Options.For(server));

            await Assert.ThrowsAsync<InvalidDataException>(async () => await client.TranslateFileAsync(path).ToListAsync());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Streams a file to a server that records it until the client's Close and then closes 1000.</summary>
    private static async Task<(ReceivedStream Received, List<TranslationEvent> Events)> StreamAsync(
        string path, FileStreamingOptions streaming, IProgress<FileStreamingProgress>? progress = null, TimeSpan? trailingSilence = null)
    {
        var received = new TaskCompletionSource<ReceivedStream>();
        await using var server = await FakeTranslationServer.StartSessionAsync(async socket =>
        {
            var stream = await ServerSide.ReceiveUntilCloseAsync(socket);
            await ServerSide.CloseAsync(socket, WebSocketCloseStatus.NormalClosure, "");
            received.SetResult(stream);
        });
        var options = Options.For(server);
        options.TrailingSilence = trailingSilence ?? options.TrailingSilence;
        await using var client = await SpeechTranslationClient.ConnectAsync(options);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var events = await client.TranslateFileAsync(path, streaming, progress, guard.Token).ToListAsync(guard.Token);
        return (await received.Task.WaitAsync(guard.Token), events);
    }

    private sealed class Recorder(List<FileStreamingProgress> into) : IProgress<FileStreamingProgress>
    {
        public void Report(FileStreamingProgress value) => into.Add(value);
    }
}
