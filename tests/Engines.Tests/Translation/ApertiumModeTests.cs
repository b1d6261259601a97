using SpeechCluster.Engines.Translation;

namespace SpeechCluster.Engines.Tests.Translation;

public sealed class ApertiumModeTests
{
    [Fact]
    public void Build_ModePipeline_AddsNullFlushUnbuffersLtProcAndDropsMarks()
    {
        const string mode = "lt-proc '/d/x.automorf.bin' | apertium-tagger -g $2 '/d/x.prob' | " +
            "apertium-transfer -z '/d/a b.t1x' '/d/x.t1x.bin' | lt-proc $1 '/d/x.autogen.bin' | lt-proc -g '/d/y.bin'\n";

        var command = ApertiumPipelineCommand.Build(mode);

        Assert.Equal(
            "exec 3<&0 4>&1 </dev/null >/dev/null\n" +
            "stdbuf -o0 lt-proc -z '/d/x.automorf.bin' <&3 3<&- 4>&- | apertium-tagger -z -g '/d/x.prob' 3<&- 4>&- | " +
            "apertium-transfer -z '/d/a b.t1x' '/d/x.t1x.bin' 3<&- 4>&- | stdbuf -o0 lt-proc -z -n '/d/x.autogen.bin' 3<&- 4>&- | " +
            "stdbuf -o0 lt-proc -z -n '/d/y.bin' >&4 3<&- 4>&- &\n" +
            "exec 3<&- 4>&-\nwait\n",
            command);
    }

    [Fact]
    public void Build_WithoutUnbuffering_LeavesLtProcAsItIs()
    {
        var command = ApertiumPipelineCommand.Build("lt-proc a.bin | lt-proc -p b.bin", unbufferLtProc: false);

        Assert.Contains("\nlt-proc -z a.bin <&3 3<&- 4>&- | lt-proc -z -p b.bin >&4 3<&- 4>&- &\n", command);
        Assert.DoesNotContain("stdbuf", command);
    }

    [Fact]
    public void Build_UnclosedQuote_Throws()
    {
        Assert.Throws<FormatException>(() => ApertiumPipelineCommand.Build("lt-proc '/d/x.bin"));
    }

    [Fact]
    public void Discover_ModesFolder_KeepsPlainPairsWithIsoCodesAndSkipsVariants()
    {
        var folder = Directory.CreateTempSubdirectory("speechcluster-modes-");
        try
        {
            foreach (var name in new[] { "eng-spa", "spa-eng_US", "es-pt", "es-pt_BR", "eco-es-fr", "spa-ita", "eng-spa-tagger" })
            {
                File.WriteAllText(Path.Combine(folder.FullName, name + ".mode"), "lt-proc x");
            }

            var modes = ApertiumModeCatalog.Discover([folder.FullName, "/nonexistent"]);

            Assert.Equal(
                [("eng-spa", "en", "es"), ("spa-ita", "es", "it"), ("es-pt", "es", "pt")],
                modes.Select(m => (m.Name, m.From, m.To)).ToArray());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Constructor_ModeFileThatIsNoPipeline_LeavesOnlyThatDirectionOut()
    {
        var folder = Directory.CreateTempSubdirectory("speechcluster-modes-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "eng-spa.mode"), "lt-proc 'unclosed");
            File.WriteAllText(Path.Combine(folder.FullName, "spa-eng.mode"), "lt-proc x");
            using var translator = ApertiumTranslatorFixture.Create(o => o.ModesDirectories = [folder.FullName]);

            Assert.Equal([new LanguagePair("es", "en")], translator.Pairs);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
