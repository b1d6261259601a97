using SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.Gateway.Sessions;

/// <summary>
/// What the client has been sent: how many finals, where the last one ended, and which spoken
/// translations it is still owed. A result counts as sent when it is claimed for sending, so a
/// recovery never re-produces something already on its way. <paramref name="spokenTargets"/> are
/// the languages whose speech follows each final (none without TextToSpeech). Thread-safe.
/// </summary>
internal sealed class DeliveryLedger(IReadOnlyList<string> spokenTargets)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PendingSpeech> _owed = [];
    private int _generation;
    private bool _frozen;

    public int FinalsDelivered { get; private set; }

    /// <summary>16 kHz stream position where the last delivered final's audio ends.</summary>
    public long DeliveredEnd { get; private set; }

    /// <summary>Claims a result of the session generation <paramref name="generation"/> for sending; false drops it (a recovery replaced that session).</summary>
    public bool TryClaim(SessionEvent result, int generation)
    {
        lock (_gate)
        {
            if (_frozen || generation != _generation)
            {
                return false;
            }

            switch (result)
            {
                case TranscriptEvent { IsFinal: true } final:
                    FinalsDelivered = final.UtteranceId + 1;
                    DeliveredEnd = (final.Span.Offset + final.Span.Duration).Ticks / 625;
                    Owe(final);
                    break;
                case SpeechAudioEvent audio when _owed.TryGetValue(audio.UtteranceId, out var owed):
                    var left = owed.Languages.Select((l, i) => (l, owed.Translations[i])).Where(x => x.l != audio.Language).ToList();
                    if (left.Count == 0)
                    {
                        _owed.Remove(audio.UtteranceId);
                    }
                    else
                    {
                        _owed[audio.UtteranceId] = owed with { Languages = [.. left.Select(x => x.l)], Translations = [.. left.Select(x => x.Item2)] };
                    }

                    break;
            }

            return true;
        }
    }

    /// <summary>Stops claims and returns what a rebuilt session must know; <see cref="Resume"/> opens the next generation.</summary>
    public (int FinalsDelivered, long DeliveredEnd, IReadOnlyList<PendingSpeech> Owed) Freeze()
    {
        lock (_gate)
        {
            _frozen = true;
            return (FinalsDelivered, DeliveredEnd, _owed.Values.OrderBy(p => p.UtteranceId).ToArray());
        }
    }

    /// <summary>A resumed connection's client already has the finals before <paramref name="finals"/>.</summary>
    public void Resumed(int finals)
    {
        lock (_gate)
        {
            FinalsDelivered = finals;
        }
    }

    public int Resume()
    {
        lock (_gate)
        {
            _frozen = false;
            return ++_generation;
        }
    }

    public int Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    private void Owe(TranscriptEvent final)
    {
        var languages = new List<string>();
        var translations = new List<string>();
        for (var i = 0; i < final.Translations.Count && i < spokenTargets.Count; i++)
        {
            if (final.Translations[i].Length > 0)
            {
                languages.Add(spokenTargets[i]);
                translations.Add(final.Translations[i]);
            }
        }

        if (languages.Count > 0)
        {
            _owed[final.UtteranceId] = new PendingSpeech(final.UtteranceId, languages, translations);
        }
    }
}
