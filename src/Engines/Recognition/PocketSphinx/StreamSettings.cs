namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>How streams make their final; taken from <see cref="PocketSphinxOptions"/>.</summary>
internal sealed record StreamSettings(bool CatchUpEnabled, double RestartDistance, TimeSpan CatchUpWait);
