namespace SpeechCluster.Grains.Interfaces; internal static class Placeholder { }
