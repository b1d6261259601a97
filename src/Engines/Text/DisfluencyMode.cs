namespace SpeechCluster.Engines.Text;

/// <summary>What TrueText does with disfluencies (fillers, immediate repetitions, cut-off restarts).</summary>
public enum DisfluencyMode
{
    /// <summary>Drop them: "um so I I think" reads "So I think". The default.</summary>
    Removed = 0,

    /// <summary>Keep every recognised word; punctuation, casing and numbers still apply.</summary>
    Raw = 1,

    /// <summary>
    /// The <see cref="Removed"/> text with the removed words put back in place, each run of them inside
    /// <c>&lt;disfluency&gt;…&lt;/disfluency&gt;</c>: "&lt;disfluency&gt;um&lt;/disfluency&gt; So I
    /// &lt;disfluency&gt;I&lt;/disfluency&gt; think." Deleting every tag with its content gives exactly
    /// the Removed text (spaces aside), so casing and punctuation are those of the fluent reading.
    /// </summary>
    Labeled = 2,
}
