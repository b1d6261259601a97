namespace SpeechCluster.Engines.Neural;

/// <summary>
/// Which decoder files a Hugging Face optimum export directory holds: the split pair
/// (<c>decoder_model.onnx</c> for the first step, <c>decoder_with_past_model.onnx</c> for the later
/// ones) or the merged <c>decoder_model_merged.onnx</c> that does both behind a <c>use_cache_branch</c>
/// input. The split pair wins when both are there: it is what the split loaders were first written
/// and tested for, and it spares the merged graph's dummy inputs.
/// </summary>
/// <param name="First">The file that runs the first step (the merged file in the merged layout).</param>
/// <param name="WithPast">The file that runs the later steps; null in the merged layout.</param>
public sealed record OptimumDecoderFiles(string First, string? WithPast)
{
    public const string DecoderFile = "decoder_model.onnx";
    public const string DecoderWithPastFile = "decoder_with_past_model.onnx";
    public const string MergedFile = "decoder_model_merged.onnx";

    public bool IsMerged => WithPast is null;

    /// <param name="what">What the model is, for the message ("The Whisper model").</param>
    /// <exception cref="FileNotFoundException">Neither layout is complete; the message names the files looked for.</exception>
    public static OptimumDecoderFiles Find(string folder, string what)
    {
        var decoder = Path.Combine(folder, DecoderFile);
        var withPast = Path.Combine(folder, DecoderWithPastFile);
        var merged = Path.Combine(folder, MergedFile);
        if (File.Exists(decoder) && File.Exists(withPast))
        {
            return new OptimumDecoderFiles(decoder, withPast);
        }

        if (File.Exists(merged))
        {
            return new OptimumDecoderFiles(merged, null);
        }

        // Half of the split pair present: the missing half is the file to name first.
        var missing = File.Exists(decoder) ? withPast : File.Exists(withPast) ? decoder : merged;
        throw new FileNotFoundException(
            $"{what} in {folder} lacks {Path.GetFileName(missing)}: it needs either {MergedFile} or both {DecoderFile} and {DecoderWithPastFile} ({missing}).",
            missing);
    }
}
