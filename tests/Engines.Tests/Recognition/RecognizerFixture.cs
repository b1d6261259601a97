using Microsoft.Extensions.Logging.Abstractions;
using SpeechCluster.Engines.Recognition;

namespace SpeechCluster.Engines.Tests.Recognition;

/// <summary>One recognizer shared by the quality tests (loading a decoder takes about a second).</summary>
public sealed class RecognizerFixture : IDisposable
{
    public RecognizerFixture()
    {
        Recognizer = Create(new PocketSphinxOptions { MaxDecoders = 4 });
    }

    public PocketSphinxRecognizer Recognizer { get; }

    /// <summary>
    /// A recognizer whose Finish waits for the catch-up pass however long it takes, so that
    /// quality does not depend on how busy the test machine is.
    /// </summary>
    public static PocketSphinxRecognizer Create(PocketSphinxOptions options)
    {
        options.CatchUpWait = TimeSpan.FromMinutes(2);
        return new PocketSphinxRecognizer(options, NullLogger<PocketSphinxRecognizer>.Instance);
    }

    public void Dispose() => Recognizer.Dispose();
}
