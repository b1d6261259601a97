using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SpeechCluster.EndToEnd.Tests.Tls;

/// <summary>
/// A self-signed server certificate for localhost and 127.0.0.1 (ECDSA P-256, valid for a week),
/// written as the PEM files a user would configure. Dispose deletes the files.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("speechcluster-tls-").FullName;

    public TestCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server auth
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));

        CertificatePath = Path.Combine(_folder, "cert.pem");
        KeyPath = Path.Combine(_folder, "key.pem");
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
        Public = X509CertificateLoader.LoadCertificate(certificate.RawData);
        _pfx = certificate.Export(X509ContentType.Pfx, PfxPassword);
    }

    public const string PfxPassword = "pfx-test-password";

    private readonly byte[] _pfx;

    /// <summary>Writes the certificate with its key as a PKCS#12 file protected by <see cref="PfxPassword"/>.</summary>
    public string WritePfx()
    {
        var path = Path.Combine(_folder, "cert.pfx");
        File.WriteAllBytes(path, _pfx);
        return path;
    }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    /// <summary>The certificate without its key: what a client trusts.</summary>
    public X509Certificate2 Public { get; }

    /// <summary>
    /// A TLS validation that trusts this certificate alone (as its own root) and checks the host
    /// name: what a client does when given the server's certificate file.
    /// </summary>
    public bool Validate(X509Certificate? presented, System.Net.Security.SslPolicyErrors errors)
    {
        if (presented is not X509Certificate2 certificate || errors.HasFlag(System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Public);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        Public.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
