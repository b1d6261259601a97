using System.Globalization;

namespace SpeechCluster.Client;

/// <summary>
/// What the caller has been given, so that a resumed connection continues the stream without repeats: the
/// server replays from the first utterance after <see cref="LastFinal"/>, which may include partials the
/// caller saw before the drop. Used by the receive loop only; not thread-safe.
/// </summary>
internal sealed class ResumePoint
{
    private (int Utterance, int Index)? _lastPartial;
    private bool _replaying;

    /// <summary>Id of the last final given to the caller; -1 (the protocol's "none") before the first.</summary>
    public int LastFinal { get; private set; } = -1;

    /// <summary>False once a final id was not a number: the resume extension cannot name where to continue.</summary>
    public bool CanResume { get; private set; } = true;

    /// <summary>A new connection resumed the session: what it sends may repeat what was given already.</summary>
    public void Resumed() => _replaying = true;

    /// <summary>True when <paramref name="item"/> is to be given to the caller (and is then counted as given).</summary>
    public bool Admit(TranslationEvent item)
    {
        if (item is not TranslationResult result)
        {
            return true;
        }

        if (result.IsFinal)
        {
            if (!int.TryParse(result.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                CanResume = false;
                return true;
            }

            if (_replaying && id <= LastFinal)
            {
                return false;
            }

            LastFinal = id;
            _lastPartial = null;
            return true;
        }

        if (result.IsPartial && ParsePartial(result.Id) is { } partial)
        {
            if (_replaying && (partial.Utterance <= LastFinal || (_lastPartial is { } last && partial.Utterance == last.Utterance && partial.Index <= last.Index)))
            {
                return false;
            }

            _lastPartial = partial;
        }

        return true;
    }

    /// <summary>Partial ids are <c>&lt;utterance&gt;.&lt;n&gt;</c>.</summary>
    private static (int Utterance, int Index)? ParsePartial(string id)
    {
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        return dot > 0
            && int.TryParse(id.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var utterance)
            && int.TryParse(id.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? (utterance, index)
                : null;
    }
}
