using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Auth;

namespace SpeechCluster.EndToEnd.Tests.Observability;

/// <summary>The Orleans Dashboard at /dashboard: only when enabled, and only with the admin key.</summary>
public sealed class DashboardTests
{
    private const string AdminKey = "dashboard-admin-key-0123456789";

    [Fact]
    public async Task Enabled_the_dashboard_answers_an_admin_and_asks_anyone_else_for_the_key()
    {
        await using var server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["SpeechCluster:Dashboard:Enabled"] = "true",
            ["SpeechCluster:Metering:AdminKeyHashes:0"] = KeyHash.Create(AdminKey, KeyHash.MinIterations).ToString(),
        });
        using var http = new HttpClient { BaseAddress = server.HttpUri };

        var anonymous = await http.GetAsync("/dashboard");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        wrong.Headers.Authorization = Basic("not-the-admin-key-0123456789");
        var refused = await http.SendAsync(wrong);
        // The trailing slash: /dashboard redirects there, and HttpClient drops credentials on a redirect (a browser keeps them).
        using var admin = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        admin.Headers.Authorization = Basic(AdminKey);
        var page = await http.SendAsync(admin);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Basic", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{page.StatusCode}: {await page.Content.ReadAsStringAsync()}");
        Assert.Contains("html", page.Content.Headers.ContentType?.MediaType ?? "");
    }

    [Fact]
    public async Task By_default_there_is_no_dashboard()
    {
        await using var server = await GatewayServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.HttpUri };

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/dashboard")).StatusCode);
    }

    private static AuthenticationHeaderValue Basic(string key) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:" + key)));
}
