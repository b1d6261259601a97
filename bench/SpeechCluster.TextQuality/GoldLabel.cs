namespace SpeechCluster.TextQuality;

/// <summary>What Shriberg's annotation says a Switchboard word is.</summary>
internal enum GoldLabel
{
    Fluent,

    /// <summary>Inside <c>{F …}</c>: uh, um, oh.</summary>
    Filler,

    /// <summary>Inside <c>{E …}</c>: "I mean".</summary>
    EditingTerm,

    /// <summary>The reparandum of <c>[ X + Y ]</c> where Y begins with X: "[ the, + the ]".</summary>
    Repetition,

    /// <summary>Any other reparandum (a restart or a repair).</summary>
    Restart,
}
