namespace SpeechCluster.Client;

/// <summary>A translation target: display <paramref name="Name"/> and writing direction (<c>ltr</c>/<c>rtl</c>).</summary>
public sealed record TextLanguage(string Name, string Dir);
