using System.Net;
using System.Security.Cryptography;
using SpeechCluster.Engines.Neural.Models;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Engines.Tests.Neural.Models;

/// <summary>models/fetch against a small HTTP server on loopback that serves what the test says.</summary>
public sealed class ModelFetcherTests : IDisposable
{
    private static readonly byte[] Weights = [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))];
    private readonly string _dir = Directory.CreateTempSubdirectory("fetch-").FullName;
    private readonly HttpListener _server = new();
    private readonly string _base;
    private byte[] _served = Weights;
    private int _requests;

    public ModelFetcherTests()
    {
        _base = $"http://127.0.0.1:{LoopbackPorts.Free()}/";
        _server.Prefixes.Add(_base);
        _server.Start();
        _ = ServeAsync();
    }

    public void Dispose()
    {
        _server.Close();
        Directory.Delete(_dir, recursive: true);
    }

    private ModelEntry Entry => new("contract", ModelStage.Mt, ModelFamily.Marian, ["en", "es"],
        [new ModelFile("encoder_model.onnx", _base + "onnx/encoder_model_quantized.onnx", Convert.ToHexStringLower(SHA256.HashData(Weights)), Weights.Length)], "MIT");

    [Fact]
    public async Task Fetch_downloads_verifies_and_keeps_a_file_that_is_already_right()
    {
        using var http = new HttpClient();
        var fetcher = new ModelFetcher(http, TextWriter.Null);

        await fetcher.FetchAsync(Entry, _dir);
        await fetcher.FetchAsync(Entry, _dir);

        Assert.Equal(Weights, File.ReadAllBytes(Path.Combine(_dir, "contract", "encoder_model.onnx")));
        Assert.Equal(1, _requests);
        ModelVerifier.Verify(Entry, _dir);
    }

    [Fact]
    public async Task A_download_that_is_not_the_file_named_is_deleted_and_reported()
    {
        _served = [.. Weights.Select(b => (byte)(b ^ 1))];
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ModelFileException>(() => new ModelFetcher(http, TextWriter.Null).FetchAsync(Entry, _dir));

        Assert.Contains("is corrupt", error.Message);
        Assert.Contains("encoder_model_quantized.onnx", error.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "contract")));
    }

    private async Task ServeAsync()
    {
        while (_server.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _server.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            context.Response.ContentLength64 = _served.Length;
            await context.Response.OutputStream.WriteAsync(_served);
            context.Response.Close();
        }
    }
}
