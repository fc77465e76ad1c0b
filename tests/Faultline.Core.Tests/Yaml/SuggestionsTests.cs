using Faultline.Core.Yaml;
using Xunit;

namespace Faultline.Core.Tests.Yaml;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("fqnd", "fqdn", 2)]
    [InlineData("us-est-1", "us-east-1", 1)]
    public void Distance_Pairs_Levenshtein(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Distance(a, b));
        Assert.Equal(expected, Suggestions.Distance(b, a));
    }

    [Fact]
    public void Closest_NearCandidate_ReturnsBest()
    {
        Assert.Equal("us-east-1", Suggestions.Closest("us-est-1", ["eu-west-1", "us-east-1"]));
    }

    [Fact]
    public void Closest_CaseDiffers_StillSuggests()
    {
        Assert.Equal("failureThreshold", Suggestions.Closest("failurethreshold", ["interval", "failureThreshold"]));
    }

    [Fact]
    public void Closest_NothingNear_Null()
    {
        Assert.Null(Suggestions.Closest("extras", ["name", "locations", "dns"]));
    }

    [Fact]
    public void DidYouMean_WithAndWithoutSuggestionAndEmptyList()
    {
        Assert.Equal("did you mean 'hc-us'? defined health checks: hc-us, hc-eu", Suggestions.DidYouMean("hc-uss", ["hc-us", "hc-eu"], "defined health checks"));
        Assert.Equal("defined health checks: hc-us, hc-eu", Suggestions.DidYouMean("zzzzzz", ["hc-us", "hc-eu"], "defined health checks"));
        Assert.Equal("defined health checks: (none)", Suggestions.DidYouMean("hc", [], "defined health checks"));
    }
}
