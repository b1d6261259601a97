using System.Text;
using SpeechCluster.Client;

namespace SpeechCluster.Cli;

/// <summary>Saves TTS segments as <c>DIR/&lt;id&gt;.&lt;lang&gt;.&lt;ext&gt;</c>. Names come from the server, so they are
/// reduced to safe characters and never leave the directory; a repeated name gets a <c>-2</c>, <c>-3</c>… suffix.</summary>
internal sealed class TtsFileSaver(string directory, string format)
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public int Saved { get; private set; }

    public async Task<string> SaveAsync(TranslationAudio audio, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var extension = audio.FileExtension is "bin" ? (format == AudioFormats.Mp3 ? "mp3" : "wav") : audio.FileExtension;
        var stem = $"{Safe(audio.ResultId ?? "audio")}.{Safe(audio.Language ?? $"segment{Saved}")}";
        var name = $"{stem}.{extension}";
        for (var n = 2; !_used.Add(name); n++)
        {
            name = $"{stem}-{n}.{extension}";
        }

        var path = Path.Combine(directory, name);
        await File.WriteAllBytesAsync(path, audio.Data, cancellationToken);
        Saved++;
        return path;
    }

    private static string Safe(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return safe.Length == 0 ? "_" : safe.ToString();
    }
}
