using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeechCluster.Engines.Text;

namespace SpeechCluster.MicroBench;

/// <summary>
/// The cost of one TrueText call on a 20-word recognition, as the text worker pays it for every
/// partial hypothesis and for the final. Word lists are loaded in setup, not measured.
/// </summary>
[MemoryDiagnoser]
public class TrueTextBenchmarks
{
    // 20 words: fillers, a repetition, a time, a name, a question.
    private const string Utterance = "um so i i think we should uh meet tom at three thirty p m near the station is that okay with you";

    private TrueText _trueText = null!;
    private TrueTextRequest _partial = null!;
    private TrueTextRequest _final = null!;
    private TrueTextRequest _translation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _trueText = new TrueText(Options.Create(new TrueTextOptions()), NullLogger<TrueText>.Instance);
        _trueText.Preload("en");
        _trueText.Preload("es");
        _partial = new TrueTextRequest { Text = Utterance, Language = "en", IsFinal = false };
        _final = _partial with { IsFinal = true };
        _translation = new TrueTextRequest
        {
            Text = "Así que pienso que tendríamos que encontrar Tom en 3:30 PM cerca de la estación es que vale contigo?",
            Language = "es", IsFinal = true, Role = TextRole.Translation,
        };
    }

    [Benchmark(Baseline = true)]
    public TrueTextResult Partial20Words() => _trueText.Process(_partial);

    [Benchmark]
    public TrueTextResult Final20Words() => _trueText.Process(_final);

    [Benchmark]
    public TrueTextResult SpanishTranslationFinal() => _trueText.Process(_translation);
}
