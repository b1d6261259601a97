using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SpeechCluster.Client.Tests;

public sealed class CliLanguagesTests
{
    private const string Answer = """
        {"speech":{"en-US":{"name":"English","language":"en"}},
         "text":{"es":{"name":"Spanish","dir":"ltr"},"ar":{"name":"Arabic","dir":"rtl"}},
         "tts":{"es-ES-Laura":{"displayName":"Laura","gender":"female","locale":"es-ES","language":"es","languageName":"Spanish","regionName":"Spain"}}}
        """;

    [Fact]
    public async Task Languages_Table_ListsEveryScopeFromTheServersAnswer()
    {
        await using var server = await LanguagesServerAsync();

        var run = await CliRun.RunAsync(["languages"], environment: new Dictionary<string, string> { ["SPEECHCLUSTER_SERVER"] = server.Address.ToString() });

        Assert.Equal(0, run.ExitCode);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/languages", request.Path);
        Assert.Contains("api-version=1.0", request.RawQuery);
        Assert.Contains("scope=speech%2Ctext%2Ctts", request.RawQuery);
        var lines = run.Out.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains("Speech (--from): 1", lines);
        Assert.Contains(lines, l => l.StartsWith("  en-US", StringComparison.Ordinal) && l.Contains("English"));
        Assert.Contains(lines, l => l.StartsWith("  ar", StringComparison.Ordinal) && l.EndsWith("rtl", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("es-ES-Laura") && l.Contains("female") && l.Contains("Spanish (Spain)"));
    }

    [Fact]
    public async Task Languages_Json_PrintsTheAnswerAsIs()
    {
        await using var server = await LanguagesServerAsync();

        var run = await CliRun.RunAsync(["languages", "--json", "--server", server.Address.ToString()]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Laura", JsonDocument.Parse(run.Out).RootElement.GetProperty("tts").GetProperty("es-ES-Laura").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Languages_Throttled_ExitsWithRejected()
    {
        await using var server = await FakeTranslationServer.StartHttpAsync(context =>
        {
            context.Response.StatusCode = 429;
            return context.Response.WriteAsJsonAsync(new { error = new { code = 429, message = "Slow down." } });
        });

        var run = await CliRun.RunAsync(["languages", "--server", server.Address.ToString()]);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("Slow down.", run.Error);
    }

    private static Task<FakeTranslationServer> LanguagesServerAsync() => FakeTranslationServer.StartHttpAsync(context =>
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Answer);
    });
}
