using System.Globalization;
using System.Text;

namespace Faultline.Core.Aws.Fis;

/// <summary>
/// The names the bundle gives AWS resources, in one place: the FIS template, the alarms, the IAM roles and the
/// README all refer to each other by these.
/// </summary>
public static class FisNames
{
    /// <summary>The FIS resource type of a Lambda function target.</summary>
    public const string LambdaResourceType = "aws:lambda:function";

    /// <summary>The FIS action-target key for Lambda functions.</summary>
    public const string FunctionsTargetKey = "Functions";

    /// <summary>The stop-condition source of a CloudWatch alarm.</summary>
    public const string AlarmSource = "aws:cloudwatch:alarm";

    /// <summary>The CloudWatch namespace the load generator publishes <c>status_*</c>, <c>region_*</c> and <c>requests</c> in.</summary>
    public const string MetricNamespace = AwsLoadMetrics.Namespace;

    /// <summary>The account that publishes the chaos-lambda-extension layers (its LAYERS.md).</summary>
    public const string ChaosExtensionLayerAccount = "871265522301";

    /// <summary>The layer name experiments use for the chaos extension.</summary>
    public const string ChaosExtensionLayer = "chaos-lambda-extension";

    /// <summary>The published x86_64 layer of the chaos extension, without the region.</summary>
    public const string ChaosExtensionLayerName = "chaos-lambda-extension-x86_64-unknown-linux-gnu-release";

    /// <summary>The published layer version the bundle attaches.</summary>
    public const int ChaosExtensionLayerVersion = 12;

    /// <summary>The SSM automation document's name.</summary>
    public const string DocumentName = "FaultlineChaosExtension";

    /// <summary>The template tag whose key prefix records which experiment target a <c>configure</c> action used (SSM actions have no FIS targets).</summary>
    public const string ConfigureTargetTagPrefix = "faultline:target:";

    /// <summary>How long the automation of one <c>configure</c> action may run.</summary>
    public static readonly TimeSpan AutomationMaxDuration = TimeSpan.FromMinutes(5);

    /// <summary>The Lambda function name of a topology function (the same in each region; the ARN's region tells them apart).</summary>
    public static string FunctionName(string topology, string function) => CloudFormation.StackNames.Resource(FunctionPrefix(topology) + function, 64);

    /// <summary>What the API stacks put before a function's name: the topology's name as a resource name, then a dash.</summary>
    public static string FunctionPrefix(string topology) => CloudFormation.StackNames.Resource(topology, 40) + "-";

    /// <summary>The ARN of a function.</summary>
    public static string FunctionArn(string account, string region, string topology, string function) =>
        $"arn:aws:lambda:{region}:{account}:function:{FunctionName(topology, function)}";

    /// <summary>The ARN of the automation document in a region.</summary>
    public static string DocumentArn(string account, string region) => $"arn:aws:ssm:{region}:{account}:document/{DocumentName}";

    /// <summary>The S3 bucket through which FIS hands Lambda fault configurations to its extension (prefix <c>FisConfigs/</c>).</summary>
    public static string FisConfigBucket(string topology, string account) => $"{topology}-fis-config-{account}";

    /// <summary>The FIS experiment role's name.</summary>
    public static string FisRoleName(string topology) => $"{topology}-fis";

    /// <summary>The automation role's name.</summary>
    public static string AutomationRoleName(string topology) => $"{topology}-chaos-automation";

    /// <summary>An IAM role's ARN.</summary>
    public static string RoleArn(string account, string role) => $"arn:aws:iam::{account}:role/{role}";

    /// <summary>The alarm name of a stop condition.</summary>
    public static string AlarmName(string topology, string stopCondition) => $"{topology}-stop-{Slug(stopCondition)}";

    /// <summary>An alarm's ARN.</summary>
    public static string AlarmArn(string account, string region, string alarm) => $"arn:aws:cloudwatch:{region}:{account}:alarm:{alarm}";

    /// <summary>The layer ARN of a layer name: the published chaos extension, or a layer of the account (version 1).</summary>
    public static string LayerArn(string account, string region, string layer) =>
        string.Equals(layer, ChaosExtensionLayer, StringComparison.Ordinal)
            ? $"arn:aws:lambda:{region}:{ChaosExtensionLayerAccount}:layer:{ChaosExtensionLayerName}:{ChaosExtensionLayerVersion}"
            : $"arn:aws:lambda:{region}:{account}:layer:{layer}:1";

    /// <summary>The layer name an experiment writes for a layer ARN (the inverse of <see cref="LayerArn"/>).</summary>
    public static string LayerNameOf(string layerArn)
    {
        var parts = layerArn.Split(':');
        var name = parts.Length >= 7 ? parts[6] : layerArn;
        return name.StartsWith(ChaosExtensionLayer + "-", StringComparison.Ordinal) ? ChaosExtensionLayer : name;
    }

    /// <summary>A CloudFormation logical id from a name: letters and digits only, each word capitalised.</summary>
    public static string LogicalId(string prefix, string name)
    {
        var builder = new StringBuilder(prefix);
        var upper = true;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return builder.ToString();
    }

    private static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return builder.ToString().Trim('-');
    }
}
