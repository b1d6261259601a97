using System.Net.WebSockets;

namespace SpeechCluster.Client.Tests;

/// <summary>Which failures AutoReconnect resumes after, which attempts it repeats, and what it gives the caller after a resume.</summary>
public sealed class ReconnectPolicyTests
{
    [Theory]
    [InlineData(WebSocketError.ConnectionClosedPrematurely, true)]
    [InlineData(WebSocketError.Success, true)]
    [InlineData(WebSocketError.InvalidState, true)]
    [InlineData(WebSocketError.Faulted, false)] // .NET closed with 1002/1007 itself: the server broke the protocol
    [InlineData(WebSocketError.InvalidMessageType, false)]
    [InlineData(WebSocketError.HeaderError, false)]
    public void IsDrop_WebSocketErrors(WebSocketError error, bool drop) =>
        Assert.Equal(drop, ReconnectPolicy.IsDrop(new WebSocketException(error)));

    [Fact]
    public void IsDrop_ResetAndOtherFailures()
    {
        Assert.True(ReconnectPolicy.IsDrop(new IOException("connection reset by peer")));
        Assert.False(ReconnectPolicy.IsDrop(new InvalidOperationException("a bug, not a network")));
    }

    [Theory]
    [InlineData(404, false)] // the conversation expired or is unknown: asking again changes nothing
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(408, true)]
    [InlineData(429, true)] // the dropped connection may still count against a connection limit
    [InlineData(502, true)]
    [InlineData(503, true)]
    public void IsTransient_Refusals(int status, bool transient) =>
        Assert.Equal(transient, ReconnectPolicy.IsTransient(new SpeechTranslationRejectedException(status, null, null, null)));

    [Fact]
    public void IsTransient_UnreachableIsRetriedOtherFailuresAreNot()
    {
        Assert.True(ReconnectPolicy.IsTransient(new SpeechTranslationConnectionException(new Uri("ws://127.0.0.1:1"), new HttpRequestException("refused"))));
        Assert.False(ReconnectPolicy.IsTransient(new InvalidOperationException()));
    }

    [Fact]
    public void ResumePoint_AfterAResume_SkipsWhatWasGivenAndKeepsWhatIsNew()
    {
        var delivered = new ResumePoint();
        Assert.Equal(-1, delivered.LastFinal);
        Assert.True(delivered.Admit(Result("final", "0")));
        Assert.True(delivered.Admit(Result("partial", "1.0")));
        Assert.True(delivered.Admit(Result("partial", "1.1")));
        Assert.Equal(0, delivered.LastFinal);

        delivered.Resumed();

        Assert.False(delivered.Admit(Result("final", "0")));
        Assert.False(delivered.Admit(Result("partial", "0.3")));
        Assert.False(delivered.Admit(Result("partial", "1.0")));
        Assert.False(delivered.Admit(Result("partial", "1.1")));
        Assert.True(delivered.Admit(Result("partial", "1.2")));
        Assert.True(delivered.Admit(Result("final", "1")));
        Assert.False(delivered.Admit(Result("final", "1")));
        Assert.True(delivered.Admit(Result("final", "2")));
        Assert.Equal(2, delivered.LastFinal);
        Assert.True(delivered.CanResume);
    }

    [Fact]
    public void ResumePoint_NonNumericFinalId_CannotResumeButPassesEverything()
    {
        var delivered = new ResumePoint();

        Assert.True(delivered.Admit(Result("final", "abc")));

        Assert.False(delivered.CanResume);
    }

    [Fact]
    public void Validate_RejectsNoAttemptsAndNoBudget()
    {
        var options = new SpeechTranslationOptions { From = "en-US", To = ["es"], ReconnectAttempts = 0 };
        Assert.Throws<ArgumentException>(options.Validate);
        options.ReconnectAttempts = 1;
        options.ReconnectBudget = TimeSpan.Zero;
        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Fact]
    public void AutoReconnect_IsOnByDefault() => Assert.True(new SpeechTranslationOptions().AutoReconnect);

    private static TranslationResult Result(string type, string id) => new() { Type = type, Id = id, Json = "{}" };
}
