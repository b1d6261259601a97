using System.Diagnostics;
using SpeechCluster.Engines.Translation;

namespace SpeechCluster.Engines.Tests.Translation;

/// <summary>Pipelines that die or hang are replaced; each test owns its translator.</summary>
public sealed class ApertiumPipelineRecoveryTests
{
    [Fact]
    public async Task TranslateAsync_AfterAStageWasKilled_RestartsThePipeline()
    {
        using var translator = ApertiumTranslatorFixture.Create();
        Assert.Equal("La casa es roja.", await translator.TranslateAsync("The house is red.", "en", "es"));
        var shell = translator.GetProcessId("eng-spa")!.Value;
        var stages = ChildrenOf(shell);
        Assert.True(stages.Count >= 5, $"expected the pipeline's stages under pid {shell}, found {stages.Count}");

        using (var stage = Process.GetProcessById(stages[stages.Count / 2]))
        {
            stage.Kill();
            await stage.WaitForExitAsync();
        }

        Assert.Equal("El perro es grande.", await translator.TranslateAsync("The dog is big.", "en", "es"));
        Assert.NotEqual(shell, translator.GetProcessId("eng-spa"));
    }

    [Fact]
    public async Task TranslateAsync_AfterTheWholePipelineWasKilled_RestartsIt()
    {
        using var translator = ApertiumTranslatorFixture.Create();
        await translator.TranslateAsync("The house is red.", "en", "es");
        var shell = translator.GetProcessId("eng-spa")!.Value;
        using (var process = Process.GetProcessById(shell))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.Equal("La casa es roja.", await translator.TranslateAsync("The house is red.", "en", "es"));
    }

    [Fact]
    public async Task TranslateAsync_PipelineThatNeverAnswers_TimesOutAndIsReplaced()
    {
        var modes = Directory.CreateTempSubdirectory("speechcluster-modes-");
        try
        {
            // A stage that never reads and never writes: the hang the timeout exists for.
            await File.WriteAllTextAsync(Path.Combine(modes.FullName, "eng-spa.mode"), "tail -f /dev/null");
            using var translator = ApertiumTranslatorFixture.Create(o =>
            {
                o.ModesDirectories = [modes.FullName];
                o.Timeout = TimeSpan.FromMilliseconds(300);
            });

            var hung = translator.TranslateAsync("The house is red.", "en", "es");
            using var pipeline = Process.GetProcessById(translator.GetProcessId("eng-spa")!.Value);
            await Assert.ThrowsAsync<TimeoutException>(() => hung);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await pipeline.WaitForExitAsync(limit.Token);

            // A fresh pipeline is started (and hangs too), rather than the call failing on a dead one.
            await Assert.ThrowsAsync<TimeoutException>(() => translator.TranslateAsync("The house is red.", "en", "es"));
        }
        finally
        {
            modes.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TranslateAsync_CallerCancelsWhilePipelineHangs_ReturnsCancellationNotTimeout()
    {
        var modes = Directory.CreateTempSubdirectory("speechcluster-modes-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(modes.FullName, "eng-spa.mode"), "tail -f /dev/null");
            using var translator = ApertiumTranslatorFixture.Create(o =>
            {
                o.ModesDirectories = [modes.FullName];
                o.Timeout = TimeSpan.FromMinutes(5);
            });
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

            var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => translator.TranslateAsync("The house is red.", "en", "es", cancellation.Token));

            Assert.Equal(cancellation.Token, error.CancellationToken);
        }
        finally
        {
            modes.Delete(recursive: true);
        }
    }

    private static List<int> ChildrenOf(int pid)
    {
        var path = $"/proc/{pid}/task/{pid}/children";
        return [.. File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];
    }
}
