using Faultline.Core.Load;
using HdrHistogram;
using Xunit;

namespace Faultline.Core.Tests.Load;

public sealed class SparseHistogramTests
{
    private static HistogramBase Full(IEnumerable<long> values)
    {
        var histogram = LoadHistograms.CreateSecond();
        foreach (var value in values)
        {
            histogram.RecordValue(value);
        }

        return histogram;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(90)]
    [InlineData(99)]
    [InlineData(99.9)]
    [InlineData(100)]
    public void ValueAt_SameAsTheFullHistogram(double percentile)
    {
        var values = Enumerable.Range(1, 5000).Select(i => (long)(i * i % 100_003) + 1);
        var full = Full(values);

        var sparse = SparseHistogram.From(full);

        Assert.Equal(full.GetValueAtPercentile(percentile), sparse.ValueAt(percentile));
        Assert.Equal(full.TotalCount, sparse.TotalCount);
    }

    [Fact]
    public void From_FewDistinctValues_KeepsOnlyTheirBuckets()
    {
        var sparse = SparseHistogram.From(Full([800, 800, 810, 5_000, 5_000_000]));

        Assert.Equal(4, sparse.Buckets);
        Assert.InRange(sparse.Max, 5_000_000, 5_050_000);
    }

    [Fact]
    public void AddTo_RoundTrips()
    {
        var full = Full(Enumerable.Range(1, 1000).Select(i => (long)i * 37));
        var target = LoadHistograms.CreateMerged();

        SparseHistogram.From(full).AddTo(target);

        Assert.Equal(full.TotalCount, target.TotalCount);
        Assert.Equal(full.GetValueAtPercentile(99), target.GetValueAtPercentile(99));
    }

    [Fact]
    public void Empty_ValueAtIsZero() => Assert.Equal(0, SparseHistogram.Empty.ValueAt(99));
}
