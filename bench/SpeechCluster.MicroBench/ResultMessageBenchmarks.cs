using System.Buffers;
using BenchmarkDotNet.Attributes;
using SpeechCluster.Gateway.Protocol;
using SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.MicroBench;

/// <summary>
/// The send side: one result as v1.0 JSON into the send loop's reused buffer (<c>ResultMessages.Write</c>),
/// for a partial without timing (the common case while someone speaks) and a final with timing.
/// </summary>
[MemoryDiagnoser]
public class ResultMessageBenchmarks
{
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private TranscriptEvent _partial = null!;
    private TranscriptEvent _final = null!;
    private TranslateRequest _plain = null!;
    private TranslateRequest _timed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = new TranslateRequest { SpeechLocale = "en-US", SourceLanguage = "en", Targets = ["es"], Partial = true };
        _timed = _plain with { TimingInfo = true };
        _partial = new TranscriptEvent
        {
            IsFinal = false,
            UtteranceId = 12,
            PartialIndex = 7,
            Recognition = "and mister john dashwood had then leisure to consider",
            Translations = ["Y el señor John Dashwood tuvo entonces tiempo para considerar"],
            Span = new AudioSpan(TimeSpan.FromSeconds(41.2), TimeSpan.FromSeconds(2.4), 1_318_400, 76_800),
        };
        _final = _partial with
        {
            IsFinal = true,
            PartialIndex = 0,
            Recognition = "And Mister John Dashwood had then leisure to consider how much there might be prudently in his power to do for them.",
            Translations = ["Y el señor John Dashwood tuvo entonces tiempo para considerar cuánto podría estar prudentemente en su poder hacer por ellos."],
            Span = new AudioSpan(TimeSpan.FromSeconds(41.2), TimeSpan.FromSeconds(7.1), 1_318_400, 227_200),
        };
    }

    [Benchmark(Baseline = true)]
    public int Partial() => Write(_partial, _plain);

    [Benchmark]
    public int FinalWithTiming() => Write(_final, _timed);

    private int Write(TranscriptEvent result, TranslateRequest request)
    {
        _json.ResetWrittenCount();
        ResultMessages.Write(_json, result, request);
        return _json.WrittenCount;
    }
}
