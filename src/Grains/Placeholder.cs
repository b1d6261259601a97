namespace SpeechCluster.Grains; internal static class Placeholder { }
