using System.Text.RegularExpressions;

namespace SpeechCluster.Deploy.Tests;

/// <summary>Every setting the manifests and images set is one the code reads, spelt so that it is read.</summary>
public sealed partial class ConfigKeyTests
{
    /// <summary>Variables read by others than SpeechCluster's settings classes.</summary>
    private static readonly HashSet<string> OtherVariables =
    [
        "ASPNETCORE_URLS",                                  // ASP.NET Core (GatewayApp honours it)
        .. OrleansLabels.EnvironmentVariables,              // Orleans' Kubernetes hosting
    ];

    /// <summary>Each environment variable name set anywhere under deploy/, with where.</summary>
    public static TheoryData<string, string> Variables()
    {
        var data = new TheoryData<string, string>();
        var seen = new HashSet<string>();
        void Add(string name, string where)
        {
            if (seen.Add(name + where))
            {
                data.Add(name, where);
            }
        }

        foreach (var (configMap, values) in Manifests.ConfigMaps)
        {
            foreach (var key in values.Keys)
            {
                Add(key, "ConfigMap " + configMap);
            }
        }

        foreach (var (secret, keys) in Manifests.Secrets)
        {
            foreach (var key in keys)
            {
                Add(key, "Secret " + secret);
            }
        }

        foreach (var deployment in Manifests.Deployments)
        {
            foreach (var env in deployment.Containers.SelectMany(c => c.Maps("env")))
            {
                Add(env.Str("name"), deployment.Name);
            }
        }

        foreach (var name in Dockerfile.Names)
        {
            foreach (var env in Dockerfile.Load(name).EnvironmentNames)
            {
                Add(env, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variables))]
    public void Variable_IsReadByTheCode(string name, string where)
    {
        if (name.StartsWith("SpeechCluster__", StringComparison.Ordinal))
        {
            Assert.Null(ConfigKeys.WhyUnread(ConfigKeys.FromEnvironment(name)));
        }
        else
        {
            Assert.True(OtherVariables.Contains(name), $"{where}: {name} is neither a SpeechCluster setting nor a known variable");
        }
    }

    [Theory]
    [InlineData("SpeechCluster:Cluster:Provider")]
    [InlineData("SpeechCluster:Cluster:Mode")]
    [InlineData("SpeechCluster:Auth:Tenants:acme:Keys:0")]
    [InlineData("SpeechCluster:Session:Endpointer:EndSilence")]
    [InlineData("SpeechCluster:Engines:PocketSphinx:MaxDecoders")]
    [InlineData("SpeechCluster:Gateway:Recovery:GiveUpAfter")]
    public void ConfigKeys_AcceptsSettingsTheCodeReads(string key) => Assert.Null(ConfigKeys.WhyUnread(key));

    [Theory]
    [InlineData("SpeechCluster:Cluster:Providers")]
    [InlineData("SpeechCluster:Clusters:Provider")]
    [InlineData("SpeechCluster:Auth:Tenants:acme:Keys:first")]
    [InlineData("SpeechCluster:Auth:Tenants:acme")]
    [InlineData("SpeechCluster:Silo:EngineSet")]   // computed, not settable
    public void ConfigKeys_RefusesSettingsNobodyReads(string key) => Assert.NotNull(ConfigKeys.WhyUnread(key));

    [Fact]
    public void DependentVariables_AreDefinedEarlierInTheirContainer()
    {
        // Kubernetes expands $(NAME) only for variables listed before; otherwise the text stays as is.
        foreach (var container in Manifests.Deployments.SelectMany(d => d.Containers))
        {
            var defined = new HashSet<string>();
            foreach (var env in container.Maps("env"))
            {
                foreach (Match reference in VariableReference().Matches(env.StrOrNull("value") ?? ""))
                {
                    Assert.True(defined.Contains(reference.Groups[1].Value), $"{env.Str("name")} uses $({reference.Groups[1].Value}) before it is defined");
                }

                defined.Add(env.Str("name"));
            }
        }
    }

    [Fact]
    public void SecretExample_Placeholders_AreTooShortToBeUsed()
    {
        // Copied unchanged, the gateway refuses to start (keys need 16+ characters, a key hash its format, the secret 32+).
        var example = EnvFile.Read(Path.Combine(Repository.K8s, "secrets.env.example"));

        Assert.Contains(example.Keys, k => k.StartsWith("SpeechCluster__Auth__Tenants__", StringComparison.Ordinal));
        Assert.Contains("SpeechCluster__Auth__TokenSecret", example.Keys);
        Assert.All(example.Values, v => Assert.InRange(v.Length, 1, 15));
    }

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex VariableReference();
}
