using Microsoft.Extensions.Logging.Abstractions;
using SpeechCluster.Engines.Neural;
using SpeechCluster.TestSupport.ContractModels;

namespace SpeechCluster.Engines.Tests.Neural.Translation;

/// <summary>The Marian and NLLB contract models (split and merged decoders), written once per test class into a temporary directory.</summary>
public sealed class ContractModelDirectory : IDisposable
{
    public ContractModelDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "speechcluster-mt-" + Guid.NewGuid().ToString("N"));
        Seq2SeqContractModel.WriteMarian(Marian);
        Seq2SeqContractModel.WriteNllb(Nllb);
        Seq2SeqContractModel.WriteMarian(MarianMerged, merged: true);
        Seq2SeqContractModel.WriteNllb(NllbMerged, merged: true);
    }

    public static OnnxSessionFactory Sessions { get; } = new(OnnxDevice.Cpu, NullLogger<OnnxSessionFactory>.Instance);

    public string Root { get; }

    public string Marian => Path.Combine(Root, "marian-en-es");

    public string Nllb => Path.Combine(Root, "nllb");

    /// <summary>The Marian contract in the manifest's layout: decoder_model_merged.onnx, no target.spm.</summary>
    public string MarianMerged => Path.Combine(Root, "marian-en-es-merged");

    /// <summary>The NLLB contract with decoder_model_merged.onnx.</summary>
    public string NllbMerged => Path.Combine(Root, "nllb-merged");

    /// <summary>A copy of a contract model the test may break.</summary>
    public string CopyOf(string model)
    {
        var copy = Path.Combine(Root, "copy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(model))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
