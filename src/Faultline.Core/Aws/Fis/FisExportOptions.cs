namespace Faultline.Core.Aws.Fis;

/// <summary>What <c>faultline export aws</c> needs to know about the AWS account it exports for.</summary>
public sealed record FisExportOptions
{
    /// <summary>The documentation account id AWS uses in its examples: the default when none is given.</summary>
    public const string ExampleAccountId = "123456789012";

    /// <summary>The AWS account id written into every ARN. Default <see cref="ExampleAccountId"/>; the bundle's README says how to export with the real one.</summary>
    public string AccountId { get; init; } = ExampleAccountId;
}
