namespace SpeechCluster.Client; internal static class Placeholder { }
