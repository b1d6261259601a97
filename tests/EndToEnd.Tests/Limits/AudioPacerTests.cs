using SpeechCluster.Gateway.Connections;

namespace SpeechCluster.EndToEnd.Tests.Limits;

/// <summary>The pacing rule itself, on a clock the test moves.</summary>
public sealed class AudioPacerTests
{
    [Fact]
    public void TwentySecondsAtOnce_WaitsUntilOnlyTheAllowanceIsAhead()
    {
        var clock = new ManualClock();
        var pacer = new AudioPacer(TimeSpan.FromSeconds(2), clock);

        Assert.Equal(TimeSpan.Zero, pacer.Received(16_000, 16_000));       // 1 s ahead: within the allowance
        Assert.Equal(TimeSpan.FromSeconds(18), pacer.Received(19 * 16_000, 16_000));   // 20 s at t=0

        clock.Advance(TimeSpan.FromSeconds(18));
        Assert.Equal(TimeSpan.Zero, pacer.Received(0, 16_000));
        Assert.Equal(TimeSpan.FromSeconds(0.5), pacer.Received(8_000, 16_000));  // 20.5 s at t=18
    }

    [Fact]
    public void ClientBehindRealTime_CatchesUpWithoutWaiting()
    {
        var clock = new ManualClock();
        var pacer = new AudioPacer(TimeSpan.FromSeconds(2), clock);
        pacer.Received(1_600, 16_000);
        clock.Advance(TimeSpan.FromSeconds(30));    // a network stall

        Assert.Equal(TimeSpan.Zero, pacer.Received(30 * 16_000, 16_000));
        Assert.Equal(TimeSpan.FromSeconds(1.1), pacer.Received(3 * 16_000, 16_000));
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
