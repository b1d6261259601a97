using SpeechCluster.Grains.Interfaces;
using SpeechCluster.Grains.Interfaces.Workers;
using SpeechCluster.Grains.Telemetry;

namespace SpeechCluster.Grains.Session;

internal sealed partial class SessionGrain
{
    /// <summary>
    /// The most audio one recognizer call of a final carries (1 s): after a recognizer is replaced,
    /// the whole utterance goes to the new one, and decoding several seconds in one call can outlast
    /// the call timeout (5 s) on a loaded machine, which lost the utterance.
    /// </summary>
    private const int RecognitionCallSamples = StreamClock.Rate;

    /// <summary>
    /// Sends the open utterance's new audio to its recognizer and publishes a changed hypothesis.
    /// Never throws: a failure costs a partial, not the audio call (the final hears the audio again).
    /// </summary>
    private async Task UpdatePartialAsync(Conversation c)
    {
        if (c.Open is not { } open)
        {
            return;
        }

        try
        {
            await UpdatePartialAsync(c, open);
        }
        catch (Exception ex)
        {
            Log.StageFailed(logger, "partial", open.Id, ex);
        }
    }

    private async Task UpdatePartialAsync(Conversation c, OpenUtterance open)
    {
        var heard = open.Sent;
        var unsent = open.TakeUnsent();
        if (unsent.Length == 0)
        {
            return;
        }

        RecognitionHypothesis? hypothesis;
        try
        {
            hypothesis = await open.Recognizer.AcceptAsync(c.Options.RecognizerLocale, heard, unsent);
        }
        catch (Exception ex) when (WorkerRetry.IsCertainSiloLoss(ex))
        {
            // The recognizer's silo is gone: a new one hears the whole utterance with the next audio.
            Log.RecognizerLost(logger, open.Id, ex.Message);
            open.Retry(attempt => Recognizer(c, open.Id, attempt));
            return;
        }
        catch (TimeoutException ex)
        {
            // A recognizer behind on a loaded machine: no partial this time; the final still comes.
            Log.PartialSkipped(logger, open.Id, ex.Message);
            return;
        }

        if (hypothesis is null)
        {
            // The recognizer had not heard the start (its silo stopped and took the activation
            // with it): a new one hears the whole utterance with the next audio.
            Log.RecognizerLost(logger, open.Id, RecognizerForgotException.Reason);
            open.Retry(attempt => Recognizer(c, open.Id, attempt));
            return;
        }
        // Partials of a new utterance wait until the finals before it are out, so that every
        // client sees results in utterance order; the next partial carries the latest text anyway.
        if (!c.Options.Partials || hypothesis.Text.Length == 0 || hypothesis.Text == open.LastPartial || !c.Finals.IsCompleted)
        {
            return;
        }

        open.LastPartial = hypothesis.Text;
        var spoken = c.Options.SpokenIn(hypothesis.Language);
        var (recognition, translations) = await RenderAsync(c, hypothesis.Text, spoken.Language, final: null);
        c.Events.Append(new TranscriptEvent
        {
            IsFinal = false,
            UtteranceId = open.Id,
            PartialIndex = ++open.PartialCount,
            Recognition = recognition,
            Translations = translations,
            Span = c.Clock.Span(open.StartSample, open.AudioEnd),
            Language = c.Options.DetectsLanguage ? spoken.Locale : null,
        });
    }

    /// <summary>
    /// Recognizes, tidies and translates a finished utterance; publishes its final and then its
    /// spoken translations after those of the utterance before it. Never throws: a failed stage
    /// is logged and leaves its part empty, so ids stay in order without gaps.
    /// </summary>
    private async Task FinalizeAsync(Conversation c, OpenUtterance utterance, Task previous)
    {
        var trace = utterance.Trace;
        trace.Activity?.SetTag("speechcluster.partials", utterance.PartialCount);
        try
        {
            var outcome = await RecognizeAsync(c, utterance);
            utterance.Release();
            // With detection the final's language is the one detected on the whole utterance, which
            // may differ from its partials'; TrueText, translation and speech all follow it.
            var spoken = c.Options.SpokenIn(outcome.Language);
            var (recognition, translations) = await RenderAsync(c, outcome.Text, spoken.Language, trace);
            await previous;
            if (c.Abandoned)
            {
                trace.End("abandoned");
                return;
            }

            c.Events.Append(new TranscriptEvent
            {
                IsFinal = true,
                UtteranceId = utterance.Id,
                Recognition = recognition,
                Translations = translations,
                Span = c.Clock.Span(utterance.StartSample, utterance.EndSample),
                Words = outcome.Words
                    .Select(w => w with { Offset = w.Offset + StreamClock.Time(utterance.StartSample) })
                    .ToArray(),
                Language = c.Options.DetectsLanguage ? spoken.Locale : null,
            });
            c.Published(utterance);
            var published = time.GetTimestamp();
            SessionMetrics.EndpointToFinal.Record(time.GetElapsedTime(utterance.DecidedAt, published).TotalMilliseconds);

            if (c.Options.TextToSpeech)
            {
                await SpeakAsync(c, utterance.Id, c.Options.Targets, translations, published, trace);
            }

            trace.End(outcome.Text.Length == 0 ? "empty" : "published");
        }
        finally
        {
            trace.End("failed");
        }
    }

    /// <summary>After a recovery: the spoken translations of finals the client has but whose audio it never got.</summary>
    private async Task SpeakPendingAsync(Conversation c, IReadOnlyList<PendingSpeech> pending)
    {
        foreach (var speech in pending)
        {
            await SpeakAsync(c, speech.UtteranceId, speech.Languages, speech.Translations, time.GetTimestamp(), UtteranceTrace.Untraced);
        }
    }

    /// <summary>The final recognition; a recognizer lost with its silo is replaced and hears the whole utterance again.</summary>
    private async Task<RecognitionOutcome> RecognizeAsync(Conversation c, OpenUtterance utterance)
    {
        using var stage = utterance.Trace.Stage(SpeechTracing.RecognitionStage, c.Options.RecognizerLocale);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                while (utterance.Unsent > 0)
                {
                    var heard = utterance.Sent;
                    var unsent = utterance.TakeUnsent(RecognitionCallSamples);
                    if (await utterance.Recognizer.AcceptAsync(c.Options.RecognizerLocale, heard, unsent) is null)
                    {
                        throw new RecognizerForgotException();
                    }
                }

                var outcome = await utterance.Recognizer.FinishAsync(utterance.Sent) ?? throw new RecognizerForgotException();
                utterance.Trace.Text(stage.Span, outcome.Text);
                return outcome;
            }
            catch (Exception ex) when ((ex is RecognizerForgotException || WorkerRetry.IsCertainSiloLoss(ex)) && attempt < 12 && !c.Abandoned)
            {
                Log.RecognizerLost(logger, utterance.Id, ex.Message);
                utterance.Trace.Event("recognizer.lost", attempt);
                utterance.Retry(next => Recognizer(c, utterance.Id, next));
                await Task.Delay(TimeSpan.FromMilliseconds(250), time);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                stage.Failed(ex);
                Log.StageFailed(logger, "recognition", utterance.Id, ex);
                // The utterance is given up: its recognizer's decoder goes back to the pool now,
                // not when the activation is collected (a timed-out call may never have run).
                _ = utterance.Recognizer.CancelAsync();
                return new RecognitionOutcome("", []);
            }
        }
    }

    private async Task SpeakAsync(Conversation c, int utteranceId, IReadOnlyList<string> languages, IReadOnlyList<string> translations, long finalPublished, UtteranceTrace trace)
    {
        for (var i = 0; i < languages.Count; i++)
        {
            if (translations[i].Length == 0 || c.Abandoned)
            {
                continue;
            }

            var target = languages[i];
            // The voice parameter names one voice: it speaks the target of its own language.
            var voice = target.Equals(c.Options.VoiceLanguage, StringComparison.OrdinalIgnoreCase) ? c.Options.Voice : null;
            using var stage = trace.Stage(SpeechTracing.SynthesisStage, target: target);
            try
            {
                var request = new SynthesisRequest(translations[i], target, voice, c.Options.AudioFormat);
                var audio = await workers.ExecuteInGrainAsync(() => GrainFactory.GetGrain<ISynthesisGrain>(WorkerKeys.Synthesis(voice, target)).SynthesizeAsync(request));
                c.Events.Append(new SpeechAudioEvent { UtteranceId = utteranceId, Language = target, Audio = audio });
                if (i == 0)
                {
                    SessionMetrics.FinalToAudio.Record(time.GetElapsedTime(finalPublished).TotalMilliseconds);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                stage.Failed(ex);
                Log.StageFailed(logger, "synthesis", utteranceId, ex);
            }
        }
    }

    /// <summary>
    /// TrueText on the recognition (what the client sees, and the clean text to translate), then
    /// one translation per target in parallel, each tidied in its own language. The spoken
    /// language (<paramref name="source"/>: the conversation's, or the one detected for this
    /// utterance) as a target gets the recognition as shown. A final's stages are traced and timed
    /// under its utterance's trace; a partial's (<paramref name="final"/> null) are not.
    /// </summary>
    private async Task<(string Recognition, IReadOnlyList<string> Translations)> RenderAsync(Conversation c, string raw, string source, UtteranceTrace? final)
    {
        if (raw.Length == 0)
        {
            return ("", c.Options.Targets.Select(_ => "").ToArray());
        }

        var text = await TrueTextAsync(c, raw, source, final, isTranslation: false)
            ?? new TextResult(raw, raw);
        var translations = await Task.WhenAll(c.Options.Targets.Select(async target =>
            target.Equals(source, StringComparison.OrdinalIgnoreCase)
                ? text.Display
                : await TranslateAsync(c, text.ForTranslation, source, target, final)));
        return (text.Display, translations);
    }

    private async Task<string> TranslateAsync(Conversation c, string text, string source, string target, UtteranceTrace? final)
    {
        if (text.Length == 0)
        {
            return "";
        }

        using var stage = final?.Stage(SpeechTracing.TranslationStage, source, target) ?? default;
        try
        {
            var translation = await workers.ExecuteInGrainAsync(() =>
                GrainFactory.GetGrain<ITranslationGrain>(WorkerKeys.Translation(source, target)).TranslateAsync(text, source, target));
            var display = (await TrueTextAsync(c, translation, target, final, isTranslation: true))?.Display ?? translation;
            final?.Text(stage.Span, display);
            return display;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            stage.Failed(ex);
            Log.StageFailed(logger, "translation", -1, ex);
            return "";
        }
    }

    /// <summary>The TrueText worker's answer, or null when it failed (logged): the raw text then stands.</summary>
    private async Task<TextResult?> TrueTextAsync(Conversation c, string text, string language, UtteranceTrace? final, bool isTranslation)
    {
        using var stage = final?.Stage(SpeechTracing.TrueTextStage, language) ?? default;
        try
        {
            var request = new TextRequest(text, language, final is not null, isTranslation, c.Options.Disfluency, c.Options.ProfanityAction, c.Options.ProfanityMarker);
            var result = await workers.ExecuteInGrainAsync(() => GrainFactory.GetGrain<ITextWorkerGrain>(0).ProcessAsync(request));
            final?.Text(stage.Span, result.Display);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            stage.Failed(ex);
            Log.StageFailed(logger, "truetext", -1, ex);
            return null;
        }
    }
}
