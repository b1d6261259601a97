namespace SpeechCluster.Grains.Interfaces.Workers;

/// <summary>Translates text segments.</summary>
public interface ITranslationGrain : IGrainWithStringKey
{
    [ResponseTimeout("00:00:05")]
    Task<string> TranslateAsync(string text, string from, string to);
}
