using Microsoft.Extensions.Options;

namespace SpeechCluster.Engines.Vad;

/// <summary>
/// Validates <see cref="EndpointerOptions"/>; <see cref="Endpointer"/> runs it in its constructor,
/// and hosts can register it to fail at start-up instead.
/// </summary>
public sealed class EndpointerOptionsValidator : IValidateOptions<EndpointerOptions>
{
    public ValidateOptionsResult Validate(string? name, EndpointerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!(options.StartThreshold > 0 && options.StartThreshold <= 1))
        {
            failures.Add($"EndpointerOptions.StartThreshold must be in (0, 1]; it is {options.StartThreshold}.");
        }

        if (!(options.ContinueThreshold > 0 && options.ContinueThreshold <= options.StartThreshold))
        {
            failures.Add($"EndpointerOptions.ContinueThreshold must be in (0, StartThreshold]; it is {options.ContinueThreshold}.");
        }

        if (options.MinSpeechDuration < TimeSpan.Zero || options.PrePadding < TimeSpan.Zero || options.PostPadding < TimeSpan.Zero)
        {
            failures.Add("EndpointerOptions.MinSpeechDuration, PrePadding and PostPadding must not be negative.");
        }

        if (options.EndSilence <= TimeSpan.Zero)
        {
            failures.Add($"EndpointerOptions.EndSilence must be positive; it is {options.EndSilence}.");
        }

        if (options.PostPadding > options.EndSilence)
        {
            failures.Add($"EndpointerOptions.PostPadding ({options.PostPadding}) must not exceed EndSilence ({options.EndSilence}).");
        }

        if (options.MaxUtteranceLength <= options.PrePadding + options.MinSpeechDuration + options.EndSilence)
        {
            failures.Add($"EndpointerOptions.MaxUtteranceLength ({options.MaxUtteranceLength}) must exceed PrePadding + MinSpeechDuration + EndSilence.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
