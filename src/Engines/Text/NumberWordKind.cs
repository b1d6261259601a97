namespace SpeechCluster.Engines.Text;

internal enum NumberWordKind
{
    /// <summary>zero to nine.</summary>
    Unit,

    /// <summary>ten to nineteen.</summary>
    Teen,

    /// <summary>twenty, thirty, ... ninety.</summary>
    Tens,

    Hundred,

    /// <summary>thousand, million, billion.</summary>
    Scale,
}
