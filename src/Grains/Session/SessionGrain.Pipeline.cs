using SpeechCluster.Grains.Interfaces;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Session;

internal sealed partial class SessionGrain
{
    /// <summary>Sends the open utterance's new audio to its recognizer and publishes a changed hypothesis.</summary>
    private async Task UpdatePartialAsync()
    {
        if (_open is not { } open)
        {
            return;
        }

        var unsent = open.TakeUnsent();
        if (unsent.Length == 0)
        {
            return;
        }

        var hypothesis = await open.Recognizer.AcceptAsync(Options.SpeechLocale, unsent);
        // Partials of a new utterance wait until the finals before it are out, so that every
        // client sees results in utterance order; the next partial carries the latest text anyway.
        if (!Options.Partials || hypothesis.Length == 0 || hypothesis == open.LastPartial || !_finals.IsCompleted)
        {
            return;
        }

        open.LastPartial = hypothesis;
        var (recognition, translations) = await RenderAsync(hypothesis, isFinal: false);
        _events.Append(new TranscriptEvent
        {
            IsFinal = false,
            UtteranceId = open.Id,
            PartialIndex = ++open.PartialCount,
            Recognition = recognition,
            Translations = translations,
            Span = _clock.Span(open.StartSample, open.AudioEnd),
        });
    }

    /// <summary>
    /// Recognizes, tidies and translates a finished utterance; publishes its final and then its
    /// spoken translations after those of the utterance before it. Never throws: a failed stage
    /// is logged and leaves its part empty, so ids stay in order without gaps.
    /// </summary>
    private async Task FinalizeAsync(OpenUtterance utterance, Task previous)
    {
        var outcome = await RecognizeAsync(utterance);
        var (recognition, translations) = await RenderAsync(outcome.Text, isFinal: true);
        await previous;
        if (_abandoned)
        {
            return;
        }

        _events.Append(new TranscriptEvent
        {
            IsFinal = true,
            UtteranceId = utterance.Id,
            Recognition = recognition,
            Translations = translations,
            Span = _clock.Span(utterance.StartSample, utterance.EndSample),
            Words = outcome.Words
                .Select(w => w with { Offset = w.Offset + StreamClock.Time(utterance.StartSample) })
                .ToArray(),
        });
        var published = time.GetTimestamp();
        SessionMetrics.EndpointToFinal.Record(time.GetElapsedTime(utterance.DecidedAt, published).TotalMilliseconds);

        if (Options.TextToSpeech)
        {
            await SpeakAsync(utterance.Id, translations, published);
        }
    }

    private async Task<RecognitionOutcome> RecognizeAsync(OpenUtterance utterance)
    {
        try
        {
            var unsent = utterance.TakeUnsent();
            if (unsent.Length > 0)
            {
                await utterance.Recognizer.AcceptAsync(Options.SpeechLocale, unsent);
            }

            return await utterance.Recognizer.FinishAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StageFailed(logger, "recognition", utterance.Id, ex);
            return new RecognitionOutcome("", []);
        }
    }

    private async Task SpeakAsync(int utteranceId, IReadOnlyList<string> translations, long finalPublished)
    {
        for (var i = 0; i < Options.Targets.Count; i++)
        {
            if (translations[i].Length == 0 || _abandoned)
            {
                continue;
            }

            var target = Options.Targets[i];
            // The voice parameter names one voice: it speaks the target of its own language.
            var voice = target.Equals(Options.VoiceLanguage, StringComparison.OrdinalIgnoreCase) ? Options.Voice : null;
            try
            {
                var audio = await GrainFactory.GetGrain<ISynthesisGrain>(0)
                    .SynthesizeAsync(new SynthesisRequest(translations[i], target, voice, Options.AudioFormat));
                _events.Append(new SpeechAudioEvent { UtteranceId = utteranceId, Language = target, Audio = audio });
                if (i == 0)
                {
                    SessionMetrics.FinalToAudio.Record(time.GetElapsedTime(finalPublished).TotalMilliseconds);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.StageFailed(logger, "synthesis", utteranceId, ex);
            }
        }
    }

    /// <summary>
    /// TrueText on the recognition (what the client sees, and the clean text to translate), then
    /// one translation per target in parallel, each tidied in its own language. The source
    /// language itself, as a target, gets the recognition as shown.
    /// </summary>
    private async Task<(string Recognition, IReadOnlyList<string> Translations)> RenderAsync(string raw, bool isFinal)
    {
        if (raw.Length == 0)
        {
            return ("", Options.Targets.Select(_ => "").ToArray());
        }

        var text = await TrueTextAsync(raw, Options.SourceLanguage, isFinal, isTranslation: false)
            ?? new TextResult(raw, raw);
        var translations = await Task.WhenAll(Options.Targets.Select(async target =>
            target.Equals(Options.SourceLanguage, StringComparison.OrdinalIgnoreCase)
                ? text.Display
                : await TranslateAsync(text.ForTranslation, target, isFinal)));
        return (text.Display, translations);
    }

    private async Task<string> TranslateAsync(string text, string target, bool isFinal)
    {
        if (text.Length == 0)
        {
            return "";
        }

        try
        {
            var translation = await GrainFactory.GetGrain<ITranslationGrain>(0).TranslateAsync(text, Options.SourceLanguage, target);
            return (await TrueTextAsync(translation, target, isFinal, isTranslation: true))?.Display ?? translation;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StageFailed(logger, "translation", -1, ex);
            return "";
        }
    }

    /// <summary>The TrueText worker's answer, or null when it failed (logged): the raw text then stands.</summary>
    private async Task<TextResult?> TrueTextAsync(string text, string language, bool isFinal, bool isTranslation)
    {
        try
        {
            return await GrainFactory.GetGrain<ITextWorkerGrain>(0).ProcessAsync(new TextRequest(
                text, language, isFinal, isTranslation, Options.Disfluency, Options.ProfanityAction, Options.ProfanityMarker));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StageFailed(logger, "truetext", -1, ex);
            return null;
        }
    }
}
