using System.Text.Json;

namespace SpeechCluster.Gateway.Protocol;

/// <summary>The JSON error body of a refused request: <c>{"error":{"code":N,"message":"..."}}</c>.</summary>
internal static class ErrorResponses
{
    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(
            new ErrorBody(new ErrorDetail(status, message)), GatewayJsonContext.Default.ErrorBody));
    }
}

internal sealed record ErrorBody(ErrorDetail Error);

internal sealed record ErrorDetail(int Code, string Message);
