using Faultline.Core.Yaml;

namespace Faultline.Core.Experiments.Reading;

// AWS timing (docs/experiments.md, "AWS timing"); see ExperimentYamlMapper.cs for the approach.
internal sealed partial class ExperimentYamlMapper
{
    private AwsTiming ReadAwsTiming(MappingReader root)
    {
        var reader = root.Mapping("awsTiming", "awsTiming");
        var timing = new AwsTiming
        {
            LambdaRampUp = ReadAwsDelay(reader, "lambdaRampUp") ?? AwsTiming.DefaultLambdaRampUp,
            LambdaRampDown = ReadAwsDelay(reader, "lambdaRampDown") ?? AwsTiming.DefaultLambdaRampDown,
            ConfigureDelay = ReadAwsDelay(reader, "configureDelay") ?? AwsTiming.DefaultConfigureDelay,
        };
        reader.Complete();
        return timing;
    }

    private TimeSpan? ReadAwsDelay(MappingReader reader, string key)
    {
        var value = reader.Duration(key);
        if (value > ExperimentErrors.AwsTimingLimit)
        {
            _context.Add(ExperimentErrors.AwsTimingTooLong(reader.LocationOf(key), key, value.Value));
            return null;
        }

        return value;
    }
}
