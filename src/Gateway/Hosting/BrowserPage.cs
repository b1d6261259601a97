using Microsoft.Extensions.FileProviders;

namespace SpeechCluster.Gateway.Hosting;

/// <summary>
/// Where the browser page (<c>wwwroot</c>: index.html, its scripts, the AudioWorklet processor, CSS)
/// is served from: the copy the build puts beside the gateway's assembly, so that the page is
/// found whatever the working directory (<c>./run</c> starts the gateway from the repository root,
/// tests from their output folder). Without that copy, the host's web root
/// (<c>&lt;content root&gt;/wwwroot</c>) is used as ASP.NET Core would by default.
/// </summary>
internal static class BrowserPage
{
    public static DefaultFilesOptions DefaultFiles(IWebHostEnvironment environment) =>
        new() { FileProvider = Files(environment) };

    public static StaticFileOptions StaticFiles(IWebHostEnvironment environment) =>
        new() { FileProvider = Files(environment) };

    private static IFileProvider Files(IWebHostEnvironment environment)
    {
        var besideAssembly = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(besideAssembly) ? new PhysicalFileProvider(besideAssembly) : environment.WebRootFileProvider;
    }
}
