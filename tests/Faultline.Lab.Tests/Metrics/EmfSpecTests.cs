using Faultline.TestUtils.Metrics;

namespace Faultline.Lab.Tests.Metrics;

/// <summary>The checker the EMF tests rely on must catch what the specification forbids.</summary>
public sealed class EmfSpecTests
{
    private const string Good = """{"_aws":{"Timestamp":1796180298339,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["SiteName"]],"Metrics":[{"Name":"status_2xx","Unit":"Count"}]}]},"SiteName":"u","status_2xx":1}""";

    [Fact]
    public void Problems_AConformingLine_None() => Assert.Empty(EmfSpec.Problems(Good));

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"_aws":{"Timestamp":1796180298,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["SiteName"]],"Metrics":[{"Name":"status_2xx"}]}]},"SiteName":"u","status_2xx":1}""", "is not milliseconds since the epoch")]
    [InlineData("""{"_aws":{"Timestamp":1796180298339,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["SiteName"]],"Metrics":[{"Name":"status_2xx"}]}]},"SiteName":"u"}""", "metric status_2xx is not a member of the root")]
    [InlineData("""{"_aws":{"Timestamp":1796180298339,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["SiteName"]],"Metrics":[{"Name":"status_2xx"}]}]},"SiteName":"u","status_2xx":"1"}""", "metric status_2xx is not a number")]
    [InlineData("""{"_aws":{"Timestamp":1796180298339,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["SiteName"]],"Metrics":[{"Name":"status_2xx"}]}]},"SiteName":3,"status_2xx":1}""", "dimension SiteName is not a string member of the root")]
    [InlineData("""{"_aws":{"Timestamp":1796180298339,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["SiteName"]],"Metrics":[{"Name":"status_2xx","Unit":"Requests"}]}]},"SiteName":"u","status_2xx":1}""", "has a Unit CloudWatch does not know")]
    [InlineData("""{"_aws":{"Timestamp":1796180298339,"CloudWatchMetrics":[]},"SiteName":"u"}""", "is not a non-empty array")]
    public void Problems_ABrokenLine_NamesTheRule(string line, string expected) =>
        Assert.Contains(EmfSpec.Problems(line), p => p.Contains(expected, StringComparison.Ordinal));
}
