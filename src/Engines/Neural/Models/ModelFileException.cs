namespace SpeechCluster.Engines.Neural.Models;

/// <summary>A model file that is missing, partial or not the one the manifest names; the message says which and what was expected.</summary>
public sealed class ModelFileException(string message) : Exception(message);
