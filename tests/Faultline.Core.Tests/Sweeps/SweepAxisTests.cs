using Faultline.Core.Sweeps;

namespace Faultline.Core.Tests.Sweeps;

public sealed class SweepAxisTests
{
    [Theory]
    [InlineData("healthChecks.hc-us.interval=10s,30s", "healthChecks.hc-us.interval", "hc-us.interval", new[] { "10s", "30s" })]
    [InlineData("healthChecks.hc-us.failureThreshold=1,3,5", "healthChecks.hc-us.failureThreshold", "hc-us.failureThreshold", new[] { "1", "3", "5" })]
    [InlineData("dns.records[api.example.test].ttl=10s,60s", "dns.records[api.example.test].ttl", "records[api.example.test].ttl", new[] { "10s", "60s" })]
    [InlineData("clients.us-customers.connectionReuse=perRequest,keepAlive", "clients.us-customers.connectionReuse", "us-customers.connectionReuse", new[] { "perRequest", "keepAlive" })]
    [InlineData("load.baseline=60s", "load.baseline", "load.baseline", new[] { "60s" })]
    [InlineData("topology:timeScale=10", "topology:timeScale", "timeScale", new[] { "10" })]
    public void TryParse_Examples_SplitPathAndValues(string argument, string path, string shortPath, string[] values)
    {
        Assert.True(SweepAxis.TryParse(argument, out var axis, out var error));

        Assert.Null(error);
        Assert.Equal(argument, axis.Argument);
        Assert.Equal(path, axis.Path);
        Assert.Equal(shortPath, axis.ShortPath);
        Assert.Equal(values, axis.Values);
    }

    [Fact]
    public void TryParse_SelectorStep_IsKeptApartFromKeys()
    {
        Assert.True(SweepAxis.TryParse("dns.records[api.example.test].sets[us].healthCheck=hc-eu", out var axis, out _));

        Assert.Equal(
            [new PathStep("dns", false), new PathStep("records", false), new PathStep("api.example.test", true), new PathStep("sets", false), new PathStep("us", true), new PathStep("healthCheck", false)],
            axis.Steps);
    }

    [Fact]
    public void TryParse_QuotedValues_KeepCommasAndQuotes()
    {
        Assert.True(SweepAxis.TryParse("hypothesis.checks[steady state].successRate=\">= 99%\",\"a,b\",\"say \"\"hi\"\"\",plain", out var axis, out _));

        Assert.Equal([">= 99%", "a,b", "say \"hi\"", "plain"], axis.Values);
    }

    [Theory]
    [InlineData("healthChecks.hc-us.interval", "--set 'healthChecks.hc-us.interval': no '=' between the path and the values; write PATH=V1,V2,…, e.g. --set healthChecks.hc-us.interval=10s,30s")]
    [InlineData("=10s", "--set '=10s': the path before '=' is empty; write PATH=V1,V2,…, e.g. --set healthChecks.hc-us.interval=10s,30s")]
    [InlineData("healthChecks.hc-us.interval=", "--set 'healthChecks.hc-us.interval=': no values after '='; list the values after '=', separated by commas, e.g. =10s,30s")]
    [InlineData("healthChecks.hc-us.interval=10s,,30s", "--set 'healthChecks.hc-us.interval=10s,,30s': value 2 is empty; remove the extra comma; a value that holds a comma is written in double quotes, e.g. \"a,b\"")]
    [InlineData("healthChecks.hc-us.interval=10s,", "--set 'healthChecks.hc-us.interval=10s,': value 2 is empty; remove the extra comma; a value that holds a comma is written in double quotes, e.g. \"a,b\"")]
    [InlineData("healthChecks.hc-us.interval=\"\"", "--set 'healthChecks.hc-us.interval=\"\"': value 1 is empty; remove the extra comma; a value that holds a comma is written in double quotes, e.g. \"a,b\"")]
    [InlineData("healthChecks.hc-us.interval=10s,\"30s", "--set 'healthChecks.hc-us.interval=10s,\"30s': value 2 opens a double quote that is not closed; close the quote; inside quotes write \"\" for a quote")]
    [InlineData("healthChecks.hc-us.interval=\"10\"s", "--set 'healthChecks.hc-us.interval=\"10\"s': value 1 goes on after its closing quote; put a comma right after the closing quote, or quote the whole value")]
    [InlineData("healthChecks..interval=10s", "--set 'healthChecks..interval=10s': the path has an empty key (two dots, or a dot at an end); write keys separated by dots, and [name] to pick a list entry by its name, e.g. dns.records[api.example.test].ttl")]
    [InlineData("healthChecks.hc-us.=10s", "--set 'healthChecks.hc-us.=10s': the path has an empty key (two dots, or a dot at an end); write keys separated by dots, and [name] to pick a list entry by its name, e.g. dns.records[api.example.test].ttl")]
    [InlineData("dns.records[api.example.test.ttl=10s", "--set 'dns.records[api.example.test.ttl=10s': the path opens '[' without closing it; write keys separated by dots, and [name] to pick a list entry by its name, e.g. dns.records[api.example.test].ttl")]
    [InlineData("dns.records[].ttl=10s", "--set 'dns.records[].ttl=10s': the path has an empty []; write keys separated by dots, and [name] to pick a list entry by its name, e.g. dns.records[api.example.test].ttl")]
    [InlineData("dns.records]x.ttl=10s", "--set 'dns.records]x.ttl=10s': the path has ']' without '['; write keys separated by dots, and [name] to pick a list entry by its name, e.g. dns.records[api.example.test].ttl")]
    [InlineData("dns.records[api.example.test]ttl=10s", "--set 'dns.records[api.example.test]ttl=10s': the path goes on after ']' without a dot; write keys separated by dots, and [name] to pick a list entry by its name, e.g. dns.records[api.example.test].ttl")]
    [InlineData("[api.example.test].ttl=10s", "--set '[api.example.test].ttl=10s': the path starts a key with '['; write keys separated by dots, and [name] to pick a list entry by its name, e.g. dns.records[api.example.test].ttl")]
    [InlineData("topology:=10s", "--set 'topology:=10s': the path names no key after the file; write keys separated by dots, and [name] to pick a list entry by its name, e.g. dns.records[api.example.test].ttl")]
    public void TryParse_Malformed_ExplainsAndShowsTheForm(string argument, string expected)
    {
        Assert.False(SweepAxis.TryParse(argument, out var axis, out var error));

        Assert.Null(axis);
        Assert.Null(error.Location);
        Assert.Equal(expected, error.ToString());
    }
}
