using Microsoft.Extensions.Logging;

namespace SpeechCluster.Engines.Translation;

/// <summary>Log messages of the Apertium translator and its pipelines.</summary>
internal static partial class ApertiumLog
{
    [LoggerMessage(EventId = 1, EventName = "ApertiumModesFound", Level = LogLevel.Information,
        Message = "Apertium: {DirectCount} installed directions ({Modes}), {PivotCount} more through a pivot")]
    public static partial void ModesFound(ILogger logger, int directCount, string modes, int pivotCount);

    [LoggerMessage(EventId = 2, EventName = "ApertiumPipelineStarted", Level = LogLevel.Debug,
        Message = "Apertium pipeline {Mode} started (shell pid {ProcessId})")]
    public static partial void PipelineStarted(ILogger logger, string mode, int processId);

    [LoggerMessage(EventId = 3, EventName = "ApertiumPipelineExited", Level = LogLevel.Warning,
        Message = "Apertium pipeline {Mode} had exited; starting it again")]
    public static partial void PipelineExited(ILogger logger, string mode);

    [LoggerMessage(EventId = 4, EventName = "ApertiumPipelineDied", Level = LogLevel.Warning,
        Message = "Apertium pipeline {Mode} died during a segment; starting it again and retrying once")]
    public static partial void PipelineDied(ILogger logger, string mode, Exception exception);

    [LoggerMessage(EventId = 5, EventName = "ApertiumPipelineTimedOut", Level = LogLevel.Warning,
        Message = "Apertium pipeline {Mode} gave no answer within {Timeout}; killed")]
    public static partial void PipelineTimedOut(ILogger logger, string mode, TimeSpan timeout);

    // Apertium's messages may quote the text being translated, which is speech: the warning gives
    // only its length, the message itself goes out at Debug, a level an operator turns on.
    [LoggerMessage(EventId = 6, EventName = "ApertiumPipelineError", Level = LogLevel.Warning,
        Message = "Apertium pipeline {Mode} wrote {Length} characters to stderr (logged at Debug level)")]
    public static partial void PipelineError(ILogger logger, string mode, int length);

    [LoggerMessage(EventId = 9, EventName = "ApertiumPipelineErrorText", Level = LogLevel.Debug,
        Message = "Apertium pipeline {Mode} wrote to stderr: {Line}")]
    public static partial void PipelineErrorText(ILogger logger, string mode, string line);

    [LoggerMessage(EventId = 7, EventName = "ApertiumOutputDiscarded", Level = LogLevel.Debug,
        Message = "Apertium pipeline {Mode} flushed {Length} characters that answer no pending segment; discarded")]
    public static partial void PipelineOutputDiscarded(ILogger logger, string mode, int length);

    [LoggerMessage(EventId = 8, EventName = "ApertiumModeSkipped", Level = LogLevel.Warning,
        Message = "Apertium mode {Mode} ({Path}) is not offered: its file could not be read as a pipeline")]
    public static partial void ModeSkipped(ILogger logger, string mode, string path, Exception exception);
}
