using System.Net;
using System.Text;

namespace SpeechCluster.Client;

/// <summary>
/// Sits under ClientWebSocket's handshake request to keep the body of a refusal: ClientWebSocket reports the
/// status and headers of a failed handshake (CollectHttpResponseDetails) but drops the body, which is where
/// the server explains itself. Only non-101 bodies are read; a 101's content is the WebSocket stream.
/// </summary>
internal sealed class HandshakeResponseCapture : DelegatingHandler
{
    private const int MaxBodyBytes = 64 * 1024;

    public HandshakeResponseCapture()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>Body of the last non-101 response; null when there was none.</summary>
    public string? RejectionBody { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.SwitchingProtocols)
        {
            try
            {
                // At most MaxBodyBytes: the explanation is short, and a hostile server should not make us buffer more.
                var buffer = new byte[MaxBodyBytes];
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                // JSON is UTF-8 (RFC 8259); a plain-text explanation is read the same way.
                RejectionBody = Encoding.UTF8.GetString(buffer, 0, length);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                // The status alone still tells the caller it was refused.
                RejectionBody = null;
            }
        }

        return response;
    }
}
