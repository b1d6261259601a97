using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeechCluster.Engines.Text;

namespace SpeechCluster.Engines.Tests.Text;

/// <summary>
/// One TrueText for the Text tests, with the word lists ./test installs: SCOWL and hunspell from
/// Debian, the naughty-words lists in models/truetext (scripts/setup.sh).
/// </summary>
public sealed class TrueTextFixture
{
    public TrueText TrueText { get; } = new(Options.Create(new TrueTextOptions()), NullLogger<TrueText>.Instance);

    public string Final(string text, string language = "en", DisfluencyMode mode = DisfluencyMode.Removed) =>
        TrueText.Process(new TrueTextRequest { Text = text, Language = language, IsFinal = true, Disfluency = mode }).Text;

    public string Partial(string text, string language = "en") =>
        TrueText.Process(new TrueTextRequest { Text = text, Language = language }).Text;
}

[CollectionDefinition(Name)]
public sealed class TrueTextCollection : ICollectionFixture<TrueTextFixture>
{
    public const string Name = "TrueText";
}
