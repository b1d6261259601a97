using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeechCluster.Engines.Text;
using SpeechCluster.TextQuality;

// TrueText quality report (see bench/README.md). Usage:
//   dotnet run -c Release --project bench/SpeechCluster.TextQuality [-- --data DIR] [--out FILE] [--no-mt]
var arguments = Arguments.Parse(args);
var trueText = new TrueText(Options.Create(new TrueTextOptions()), NullLogger<TrueText>.Instance);
trueText.Preload("en");
trueText.Preload("es");

var report = new Report(arguments);
report.ChrFSelfCheck();
report.Disfluency(trueText);
report.PunctuationAndCasing(trueText);
report.Profanity(trueText);
if (arguments.Translate)
{
    await report.TranslationGainAsync(trueText);
}

report.Write();
