using System.Globalization;

namespace SpeechCluster.TestSupport;

/// <summary>
/// How long the property-based tests (CsCheck) run. Each property passes its own small iteration
/// count so that a run stays short on a shared 2-core CI machine; the environment can change it:
/// <c>CsCheck_Iter=100000</c> hunts longer, and <c>CsCheck_Seed=&lt;seed&gt;</c> (the seed a failure
/// prints) replays that failure first, which CsCheck reads itself.
/// </summary>
public static class PropertyRuns
{
    /// <summary><paramref name="normal"/>, or the <c>CsCheck_Iter</c> environment variable when set.</summary>
    public static long Iterations(long normal) =>
        long.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), NumberStyles.None, CultureInfo.InvariantCulture, out var iter) && iter > 0
            ? iter
            : normal;
}
