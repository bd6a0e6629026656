using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FlowViz.Enrichment.Tests;

/// <summary>Keeps every log entry, to count the lines a condition produces.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));

    public IReadOnlyList<string> Containing(string text) => [.. Entries.Select(e => e.Message).Where(m => m.Contains(text, StringComparison.Ordinal))];
}
