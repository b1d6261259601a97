using Spectre.Console;
using Spectre.Console.Rendering;

namespace SpeechCluster.Cli;

/// <summary>
/// The live line of <c>translate</c> on a terminal, drawn by Spectre.Console: a bar of the seconds of audio sent,
/// those seconds as numbers, and the current partial. Lines written through it appear above the bar, which is
/// cleared when the work ends. Spectre redraws from its own thread; callers still serialise their calls
/// (<see cref="TranslationConsole"/> holds a lock), since the task and context are set once the display runs.
/// </summary>
internal sealed class FileProgressDisplay(IAnsiConsole terminal)
{
    private const int BarWidth = 30;

    // "1234.5/1234.5 s" and the spaces between the three columns.
    private const int SecondsWidth = 15;
    private const int Gaps = 3;

    private readonly PartialColumn _partial = new();
    private ProgressContext? _context;
    private ProgressTask? _task;

    /// <summary>Shows the display while <paramref name="work"/> runs; its exceptions pass through once the
    /// display is cleared.</summary>
    public Task RunAsync(Func<Task> work) => new Progress(terminal)
        .AutoClear(true)
        .ExcludeVerticalPadding()
        .Columns(new ProgressBarColumn { Width = BarWidth }, new SecondsColumn(), _partial)
        .StartAsync(async context =>
        {
            // Indeterminate until the first report tells the length of the file.
            var task = context.AddTask("audio sent", new ProgressTaskSettings { AutoStart = true });
            task.IsIndeterminate = true;
            (_context, _task) = (context, task);
            await work();
        });

    public void Sent(TimeSpan sent, TimeSpan total)
    {
        if (_task is { } task)
        {
            task.MaxValue = Math.Max(total.TotalSeconds, 0.1);
            task.Value = sent.TotalSeconds;
            task.IsIndeterminate = false;
        }
    }

    /// <summary>Shows <paramref name="text"/> beside the bar at once (the next timed redraw could come after the
    /// final that replaces it); empty clears it.</summary>
    public void Partial(string text)
    {
        _partial.Show(Tail(text, terminal.Profile.Width - BarWidth - SecondsWidth - Gaps));
        _context?.Refresh();
    }

    /// <summary>Writes a line above the bar, as plain text (no markup). Spectre returns to the start of the bar
    /// before writing and draws it again below; what was there is erased first, or the end of the bar would still
    /// show after a line shorter than it.</summary>
    public void WriteLine(string line) => terminal.Write(new ErasedBelow(new Text(line + "\n")));

    /// <summary>Keeps the end of <paramref name="text"/>: the newest words are the ones that change.</summary>
    private static string Tail(string text, int room)
    {
        room = Math.Max(room, 10);
        return text.Length <= room ? text : "…" + text[^(room - 1)..];
    }

    private sealed class SecondsColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) => task.IsIndeterminate
            ? Text.Empty
            : new Text($"{task.Value:0.0}/{task.MaxValue:0.0} s");
    }

    /// <summary>Plain text, not markup: recognitions may hold brackets.</summary>
    private sealed class PartialColumn : ProgressColumn
    {
        private volatile string _text = "";

        /// <summary>Called on the reading task; Spectre renders on its refresh thread.</summary>
        public void Show(string text) => _text = text;

        protected override bool NoWrap => true;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) => new Text(_text);
    }

    private sealed class ErasedBelow(IRenderable content) : IRenderable
    {
        // ED 0: erase from the cursor to the end of the screen.
        private const string EraseBelow = "\u001b[J";

        public Measurement Measure(RenderOptions options, int maxWidth) => content.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            content.Render(options, maxWidth).Prepend(Segment.Control(EraseBelow));
    }
}
