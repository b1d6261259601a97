using System.Buffers;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace SpeechCluster.Engines.Translation;

/// <summary>
/// One running pipeline of one mode: <c>/bin/sh -c</c> with the stages joined by pipes. Not
/// thread-safe: <see cref="ApertiumPipeline"/> sends one segment at a time. Dispose kills it.
/// </summary>
internal sealed class ApertiumProcess : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly string _modeName;
    private readonly ILogger _logger;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly ArrayBufferWriter<byte> _message = new();
    private int _start;
    private int _end;

    public ApertiumProcess(string modeName, string command, ILogger logger)
    {
        _modeName = modeName;
        _logger = logger;
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        // Apertium's tools need a UTF-8 locale; the service's own may be anything.
        start.Environment["LC_ALL"] = "C.UTF-8";
        _process = new Process { StartInfo = start };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                ApertiumLog.PipelineError(_logger, _modeName, e.Data.Length);
                ApertiumLog.PipelineErrorText(_logger, _modeName, e.Data);
            }
        };
        _process.Start();
        _process.BeginErrorReadLine();
        _input = _process.StandardInput.BaseStream;
        _output = _process.StandardOutput.BaseStream;
        ApertiumLog.PipelineStarted(_logger, modeName, _process.Id);
    }

    /// <summary>The shell's process id; the stages are its children.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Sends one framed segment and reads flushed outputs until the one that carries
    /// <paramref name="nonce"/>. Cancelling <paramref name="cancellationToken"/> kills the pipeline.
    /// </summary>
    /// <exception cref="IOException">The pipeline died (this process is then useless).</exception>
    public async Task<string> ExchangeAsync(byte[] frame, long nonce, CancellationToken cancellationToken)
    {
        // Killing unblocks a read that a pipe cannot cancel: the read then ends with end of stream.
        await using var kill = cancellationToken.Register(static state => ((ApertiumProcess)state!).Kill(), this);
        await _input.WriteAsync(frame, cancellationToken);
        await _input.FlushAsync(cancellationToken);
        while (true)
        {
            var output = await ReadMessageAsync(cancellationToken);
            if (ApertiumText.TryUnframe(output, nonce, out var text))
            {
                return text;
            }

            ApertiumLog.PipelineOutputDiscarded(_logger, _modeName, output.Length);
        }
    }

    public void Dispose()
    {
        Kill();
        try
        {
            // Stages that outlived the shell (it was killed alone) end when their input ends.
            _input.Dispose();
        }
        catch (IOException)
        {
            // The pipe is already broken: nothing is left to tell.
        }

        _process.Dispose();
    }

    private async Task<string> ReadMessageAsync(CancellationToken cancellationToken)
    {
        _message.ResetWrittenCount();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await _output.ReadAsync(_buffer, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                if (_end == 0)
                {
                    throw new IOException($"The Apertium pipeline {_modeName} ended its output.");
                }
            }

            var unread = _buffer.AsSpan(_start, _end - _start);
            var nul = unread.IndexOf((byte)0);
            if (nul < 0)
            {
                _message.Write(unread);
                _start = _end;
                continue;
            }

            _message.Write(unread[..nul]);
            _start += nul + 1;
            return Encoding.UTF8.GetString(_message.WrittenSpan);
        }
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
