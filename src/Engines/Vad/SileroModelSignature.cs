using Microsoft.ML.OnnxRuntime;

namespace SpeechCluster.Engines.Vad;

/// <summary>
/// Checks that a loaded model has Silero VAD v5's inputs and outputs, so a wrong file fails at load
/// with a clear message rather than at the first frame.
/// </summary>
internal static class SileroModelSignature
{
    private static readonly string[] InputNames = ["input", "state", "sr"];
    private static readonly string[] OutputNames = ["output", "stateN"];

    public static void Verify(InferenceSession session, string path)
    {
        var missingInputs = InputNames.Where(name => !session.InputMetadata.ContainsKey(name)).ToList();
        var missingOutputs = OutputNames.Where(name => !session.OutputMetadata.ContainsKey(name)).ToList();
        if (missingInputs.Count > 0 || missingOutputs.Count > 0)
        {
            throw new InvalidDataException(
                $"{path} is not a Silero VAD v5 model: it lacks inputs [{string.Join(", ", missingInputs)}] " +
                $"and outputs [{string.Join(", ", missingOutputs)}]; it has inputs [{string.Join(", ", session.InputMetadata.Keys)}] " +
                $"and outputs [{string.Join(", ", session.OutputMetadata.Keys)}].");
        }

        var state = session.InputMetadata["state"].Dimensions;
        if (state.Length != 3 || state[0] != 2 || state[2] != 128)
        {
            throw new InvalidDataException($"{path}: expected the state input [2, N, 128], found [{string.Join(", ", state)}].");
        }
    }
}
