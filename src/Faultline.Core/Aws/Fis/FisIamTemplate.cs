using System.Text.Json.Nodes;

namespace Faultline.Core.Aws.Fis;

/// <summary>
/// <c>cloudformation/iam.json</c>: the FIS experiment role and the automation role, each with only what the
/// exported template needs — the Lambda fault actions on the target functions' ARNs, the automation start/stop
/// and <c>iam:PassRole</c> to SSM only, alarm reads for the stop conditions; the automation role may change
/// the configuration of, publish and alias exactly the functions the experiment configures.
/// </summary>
public static class FisIamTemplate
{
    /// <summary>The template's text.</summary>
    /// <param name="topology">The topology's name.</param>
    /// <param name="account">The account id.</param>
    /// <param name="region">The experiment's region.</param>
    /// <param name="functionArns">The functions the experiment acts on.</param>
    /// <param name="alarmArns">The stop conditions' alarms.</param>
    /// <param name="usesAutomation">Whether a configure action runs the SSM document.</param>
    /// <param name="usesLambdaFaults">Whether an FIS Lambda fault action runs (it writes its configuration to the S3 bucket the FIS extension polls).</param>
    public static string Write(string topology, string account, string region, IReadOnlyList<string> functionArns, IReadOnlyList<string> alarmArns, bool usesAutomation, bool usesLambdaFaults)
    {
        ArgumentNullException.ThrowIfNull(functionArns);
        ArgumentNullException.ThrowIfNull(alarmArns);
        var automationRoleArn = FisNames.RoleArn(account, FisNames.AutomationRoleName(topology));
        var fisStatements = new JsonArray();
        if (functionArns.Count > 0)
        {
            fisStatements.Add(Statement("LambdaFaults", ["lambda:GetFunction", "lambda:ListTags"], functionArns));
            fisStatements.Add(Statement("ResolveTaggedFunctions", ["tag:GetResources"], ["*"]));
        }

        if (usesLambdaFaults)
        {
            fisStatements.Add(Statement("WriteLambdaFaultConfigs", ["s3:PutObject", "s3:DeleteObject"], [$"arn:aws:s3:::{FisNames.FisConfigBucket(topology, account)}/FisConfigs/*"]));
        }

        if (usesAutomation)
        {
            fisStatements.Add(Statement("StartAutomation", ["ssm:StartAutomationExecution"], [$"arn:aws:ssm:{region}:{account}:automation-definition/{FisNames.DocumentName}:*"]));
            fisStatements.Add(Statement("WatchAutomation", ["ssm:GetAutomationExecution", "ssm:StopAutomationExecution"], [$"arn:aws:ssm:{region}:{account}:automation-execution/*"]));
            var pass = Statement("PassAutomationRole", ["iam:PassRole"], [automationRoleArn]);
            pass["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["iam:PassedToService"] = "ssm.amazonaws.com" } };
            fisStatements.Add(pass);
        }

        if (alarmArns.Count > 0)
        {
            fisStatements.Add(Statement("ReadStopConditions", ["cloudwatch:DescribeAlarms"], ["*"]));
        }

        var resources = new JsonObject
        {
            ["FisRole"] = Role(FisNames.FisRoleName(topology), "fis.amazonaws.com", fisStatements),
        };
        if (usesAutomation)
        {
            var functions = functionArns.Count > 0 ? functionArns : [$"arn:aws:lambda:{region}:{account}:function:{topology}-*"];
            var automation = new JsonArray
            {
                Statement("ConfigureFunctions", ["lambda:GetFunctionConfiguration", "lambda:UpdateFunctionConfiguration", "lambda:PublishVersion", "lambda:UpdateAlias", "lambda:GetFunction"], functions),
                Statement("ReadLayers", ["lambda:GetLayerVersion"], [$"arn:aws:lambda:*:{FisNames.ChaosExtensionLayerAccount}:layer:*:*", $"arn:aws:lambda:*:{account}:layer:*:*"]),
            };
            resources["AutomationRole"] = Role(FisNames.AutomationRoleName(topology), "ssm.amazonaws.com", automation);
        }

        var outputs = new JsonObject { ["FisRoleArn"] = new JsonObject { ["Value"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray("FisRole", "Arn") } } };
        if (usesAutomation)
        {
            outputs["AutomationRoleArn"] = new JsonObject { ["Value"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray("AutomationRole", "Arn") } };
        }

        return BundleJson.Write(new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = $"Faultline: least-privilege IAM roles for the {topology} FIS experiment and its automation",
            ["Resources"] = resources,
            ["Outputs"] = outputs,
        });
    }

    private static JsonObject Role(string name, string service, JsonArray statements) => new()
    {
        ["Type"] = "AWS::IAM::Role",
        ["Properties"] = new JsonObject
        {
            // Not "Description": the resource spec cfn-lint 1.9.7 validates with predates that property.
            ["RoleName"] = name,
            ["Path"] = "/",
            ["AssumeRolePolicyDocument"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject
                {
                    ["Effect"] = "Allow",
                    ["Principal"] = new JsonObject { ["Service"] = service },
                    ["Action"] = "sts:AssumeRole",
                }),
            },
            ["Policies"] = new JsonArray(new JsonObject
            {
                ["PolicyName"] = name,
                ["PolicyDocument"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements },
            }),
        },
    };

    private static JsonObject Statement(string sid, IEnumerable<string> actions, IEnumerable<string> resources) => new()
    {
        ["Sid"] = sid,
        ["Effect"] = "Allow",
        ["Action"] = new JsonArray([.. actions.Select(a => (JsonNode)a)]),
        ["Resource"] = new JsonArray([.. resources.Select(r => (JsonNode)r)]),
    };
}
