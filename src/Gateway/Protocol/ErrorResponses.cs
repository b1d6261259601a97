using System.Globalization;
using System.Text.Json;

namespace SpeechCluster.Gateway.Protocol;

/// <summary>The JSON error body of a refused request: <c>{"error":{"code":N,"message":"..."}}</c>.</summary>
internal static class ErrorResponses
{
    /// <param name="retryAfter">For 429 and 503: when to try again (the Retry-After header, whole seconds).</param>
    public static Task WriteAsync(HttpContext context, int status, string message, TimeSpan? retryAfter = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return context.Response.WriteAsync(JsonSerializer.Serialize(
            new ErrorBody(new ErrorDetail(status, message)), GatewayJsonContext.Default.ErrorBody));
    }
}

internal sealed record ErrorBody(ErrorDetail Error);

internal sealed record ErrorDetail(int Code, string Message);
