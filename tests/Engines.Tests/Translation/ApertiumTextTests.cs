using System.Text;
using SpeechCluster.Engines.Translation;

namespace SpeechCluster.Engines.Tests.Translation;

public sealed class ApertiumTextTests
{
    [Theory]
    [InlineData("i think i'm right", "I think I'm right")]
    [InlineData("so do i.", "so do I.")]
    [InlineData("i.e. in wi-fi", "i.e. in wi-fi")]
    [InlineData("line one\nline two", "line one line two")]
    public void PrepareSource_English_CapitalisesThePronounAndKeepsOneLine(string text, string expected)
    {
        Assert.Equal(expected, ApertiumText.PrepareSource(text, "en"));
    }

    [Fact]
    public void PrepareSource_OtherLanguage_LeavesLowerCaseI()
    {
        Assert.Equal("i", ApertiumText.PrepareSource(" i ", "ca"));
    }

    [Fact]
    public void Frame_ReservedCharacters_AreEscapedAndTheSegmentIsNullTerminated()
    {
        var frame = Encoding.UTF8.GetString(ApertiumText.Frame(@"a[b]^$/<>@{}\c", 42));

        Assert.Equal("a\\[b\\]\\^\\$\\/\\<\\>\\@\\{\\}\\\\c[][\n][42]\0", frame);
    }

    [Fact]
    public void TryUnframe_OutputWithTheNonce_DropsSuperblanksAndUndoesEscapes()
    {
        Assert.True(ApertiumText.TryUnframe("Hola \\[x\\] \\@y.[][\n][7]", 7, out var text));
        Assert.Equal("Hola [x] @y.", text);
    }

    [Fact]
    public void TryUnframe_SpacesLeftByADroppedWord_BecomeOne()
    {
        Assert.True(ApertiumText.TryUnframe("cuánto  podría haber  sido[][\n][1]", 1, out var text));
        Assert.Equal("cuánto podría haber sido", text);
    }

    [Theory]
    [InlineData("Hola.[][\n][6]")]
    [InlineData("")]
    public void TryUnframe_OutputOfAnotherSegment_IsRejected(string output)
    {
        Assert.False(ApertiumText.TryUnframe(output, 7, out _));
    }
}
