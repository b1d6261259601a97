namespace SpeechCluster.Gateway.Protocol;

/// <summary>
/// Gives every response an <c>X-RequestId</c> (32 hex digits). The official Python sample reads it
/// from the 101 response and never sends audio without it.
/// </summary>
internal static class RequestIds
{
    public const string Header = "X-RequestId";

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var id = Guid.NewGuid().ToString("N");
        context.Items[Header] = id;
        context.Response.Headers[Header] = id;
        return next(context);
    });

    public static string RequestId(this HttpContext context) => context.Items[Header] as string ?? "";
}
