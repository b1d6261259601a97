namespace SpeechCluster.Gateway.Hosting;

/// <summary>
/// Checks, before Kestrel starts, that every certificate and key file named in the Kestrel
/// configuration (README "TLS") can be read. Kestrel fails too, but only once the server starts and
/// with a cryptography error that need not name the file; an operator needs the name and the setting.
/// </summary>
internal static class TlsCertificateFiles
{
    public static void EnsureReadable(IConfiguration configuration, string contentRoot)
    {
        var certificates = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint.GetSection("Certificate"))
            .Append(configuration.GetSection("Kestrel:Certificates:Default"));
        foreach (var certificate in certificates)
        {
            foreach (var setting in new[] { certificate.GetSection("Path"), certificate.GetSection("KeyPath") })
            {
                if (setting.Value is { Length: > 0 } path)
                {
                    // Relative paths are resolved as Kestrel resolves them: against the content root.
                    EnsureReadable(setting.Path, Path.Combine(contentRoot, path));
                }
            }
        }
    }

    private static void EnsureReadable(string setting, string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting}: the file '{file}' cannot be read ({ex.Message}); HTTPS cannot start without it.", ex);
        }
    }
}
