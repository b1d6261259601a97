using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SpeechCluster.EndToEnd.Tests.Infrastructure;

/// <summary>Keeps every log message the host writes (after its level filters), for tests to read.</summary>
public sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new Logger(_messages);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(exception is null ? $"{logLevel}: {formatter(state, exception)}" : $"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
