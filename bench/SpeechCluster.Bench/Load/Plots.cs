using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace SpeechCluster.Bench.Load;

/// <summary>The load report's charts, as SVG (OxyPlot's managed exporter).</summary>
internal static class Plots
{
    /// <summary>Cumulative distribution of end of speech to final, one line per concurrency.</summary>
    public static void LatencyCdf(IReadOnlyList<LoadStep> steps, string path)
    {
        var model = NewModel("End of speech to final: cumulative distribution");
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "milliseconds", Minimum = 0 });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "fraction of utterances", Minimum = 0, Maximum = 1 });
        foreach (var step in steps)
        {
            var sorted = step.Utterances.Select(u => u.EndOfSpeechToFinalMs).Order().ToArray();
            var series = new LineSeries { Title = $"{step.Conversations} conversations" };
            for (var i = 0; i < sorted.Length; i++)
            {
                series.Points.Add(new DataPoint(sorted[i], (i + 1.0) / sorted.Length));
            }

            model.Series.Add(series);
        }

        Save(model, path);
    }

    /// <summary>p95 end of speech to final and server CPU per audio second against concurrency.</summary>
    public static void AgainstConcurrency(IReadOnlyList<LoadStep> steps, BareBaseline? bare, string path)
    {
        var model = NewModel("Latency and CPU against concurrent conversations");
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "concurrent conversations", Minimum = 0 });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "p95 end of speech to final (ms)", Key = "latency", Minimum = 0 });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Right, Title = "server CPU s per audio s", Key = "cpu", Minimum = 0 });
        var latency = new LineSeries { Title = "p95 end of speech to final", YAxisKey = "latency", MarkerType = MarkerType.Circle };
        var cpu = new LineSeries { Title = "server CPU per audio second", YAxisKey = "cpu", MarkerType = MarkerType.Square };
        foreach (var step in steps)
        {
            if (Statistics.Of(step.Utterances.Select(u => u.EndOfSpeechToFinalMs)) is { } s)
            {
                latency.Points.Add(new DataPoint(step.Conversations, s.P95));
            }

            cpu.Points.Add(new DataPoint(step.Conversations, step.CpuPerAudioSecond));
        }

        model.Series.Add(latency);
        model.Series.Add(cpu);
        if (bare is not null)
        {
            var baseline = new LineSeries { Title = "bare engines CPU per audio second, the same audio", YAxisKey = "cpu", LineStyle = LineStyle.Dash, MarkerType = MarkerType.Diamond };
            foreach (var step in steps)
            {
                if (bare.For(step.Conversations) is { } run)
                {
                    baseline.Points.Add(new DataPoint(step.Conversations, run.CpuPerAudioSecond));
                }
            }

            model.Series.Add(baseline);
        }

        Save(model, path);
    }

    private static PlotModel NewModel(string title)
    {
        var model = new PlotModel { Title = title, Background = OxyColors.White };
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.RightBottom });
        return model;
    }

    private static void Save(PlotModel model, string path)
    {
        using var stream = File.Create(path);
        new SvgExporter { Width = 800, Height = 480 }.Export(model, stream);
    }
}
