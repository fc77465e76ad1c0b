using System.Text.Json.Nodes;

namespace Faultline.Core.Aws.Fis;

/// <summary>
/// The SSM automation document the blog describes (schemaVersion 0.3): for each function in <c>FunctionName</c>
/// it merges <c>Variables</c> into the environment (Lambda replaces the whole map, so the script reads it
/// first), removes <c>UnsetVariables</c>, attaches (<c>ChaosMode=attach</c>) or detaches (<c>detach</c>) the layer
/// <c>LayerArn</c>, waits for the update, and with <c>AliasName</c> publishes a version and moves the alias to it.
/// </summary>
public static class ChaosExtensionDocument
{
    /// <summary>The modes <c>ChaosMode</c> accepts: attach the layer, detach it, or only change variables.</summary>
    public static IReadOnlyList<string> Modes { get; } = ["attach", "detach", "configure"];

    /// <summary>The document's parameters, in order.</summary>
    public static IReadOnlyList<string> Parameters { get; } = ["FunctionName", "LayerArn", "AutomationAssumeRole", "ChaosMode", "AliasName", "Variables", "UnsetVariables"];

    private const string Script = """
        import json
        import boto3


        def handler(event, context):
            client = boto3.client("lambda")
            mode = event["ChaosMode"]
            layer = event.get("LayerArn") or ""
            variables = json.loads(event.get("Variables") or "{}")
            unset = [name for name in (event.get("UnsetVariables") or []) if name]
            alias = event.get("AliasName") or ""
            if mode in ("attach", "detach") and not layer:
                raise ValueError("ChaosMode " + mode + " needs LayerArn")
            # A layer ARN without its version, so detach removes any version of the layer.
            unversioned = layer.rsplit(":", 1)[0] if layer else ""
            changed = []
            for name in event["FunctionName"]:
                config = client.get_function_configuration(FunctionName=name)
                env = dict(config.get("Environment", {}).get("Variables", {}))
                env.update(variables)
                for key in unset:
                    env.pop(key, None)
                layers = [entry["Arn"] for entry in config.get("Layers", [])]
                if mode == "attach" and layer not in layers:
                    layers = [arn for arn in layers if arn.rsplit(":", 1)[0] != unversioned] + [layer]
                if mode == "detach":
                    layers = [arn for arn in layers if arn.rsplit(":", 1)[0] != unversioned]
                client.update_function_configuration(FunctionName=name, Environment={"Variables": env}, Layers=layers)
                client.get_waiter("function_updated_v2").wait(FunctionName=name)
                if alias:
                    version = client.publish_version(FunctionName=name)["Version"]
                    client.update_alias(FunctionName=name, Name=alias, FunctionVersion=version)
                changed.append(name)
            return {"Functions": changed, "ChaosMode": mode}
        """;

    /// <summary>The document's JSON (the <c>Content</c> of <c>aws ssm create-document --document-format JSON</c>).</summary>
    public static string Write()
    {
        var document = new JsonObject
        {
            ["schemaVersion"] = "0.3",
            ["description"] = "Faultline: attach or detach the chaos Lambda extension (layer, CHAOS_EXTENSION__* variables and AWS_LAMBDA_EXEC_WRAPPER) on Lambda functions, optionally moving an alias to a new version.",
            ["assumeRole"] = "{{ AutomationAssumeRole }}",
            ["parameters"] = new JsonObject
            {
                ["FunctionName"] = new JsonObject { ["type"] = "StringList", ["description"] = "The functions to change (names or ARNs)." },
                ["LayerArn"] = new JsonObject { ["type"] = "String", ["default"] = "", ["description"] = "The chaos extension layer's version ARN; required by attach and detach." },
                ["AutomationAssumeRole"] = new JsonObject { ["type"] = "String", ["description"] = "The role the automation runs as." },
                ["ChaosMode"] = new JsonObject { ["type"] = "String", ["allowedValues"] = new JsonArray([.. Modes.Select(m => (JsonNode)m)]), ["default"] = "attach", ["description"] = "attach: add the layer; detach: remove it; configure: variables only." },
                ["AliasName"] = new JsonObject { ["type"] = "String", ["default"] = "", ["description"] = "Optional: publish a version after the change and point this alias at it." },
                ["Variables"] = new JsonObject { ["type"] = "String", ["default"] = "{}", ["description"] = "JSON object of environment variables to set, e.g. {\"CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY\":\"true\",\"AWS_LAMBDA_EXEC_WRAPPER\":\"/opt/bootstrap\"}." },
                ["UnsetVariables"] = new JsonObject { ["type"] = "StringList", ["default"] = new JsonArray(""), ["description"] = "Environment variables to remove, e.g. the CHAOS_EXTENSION__* variables and AWS_LAMBDA_EXEC_WRAPPER." },
            },
            ["mainSteps"] = new JsonArray(new JsonObject
            {
                ["name"] = "ConfigureFunctions",
                ["action"] = "aws:executeScript",
                ["timeoutSeconds"] = 600,
                ["onFailure"] = "Abort",
                ["inputs"] = new JsonObject
                {
                    ["Runtime"] = "python3.11",
                    ["Handler"] = "handler",
                    ["InputPayload"] = new JsonObject
                    {
                        ["FunctionName"] = "{{ FunctionName }}",
                        ["LayerArn"] = "{{ LayerArn }}",
                        ["ChaosMode"] = "{{ ChaosMode }}",
                        ["AliasName"] = "{{ AliasName }}",
                        ["Variables"] = "{{ Variables }}",
                        ["UnsetVariables"] = "{{ UnsetVariables }}",
                    },
                    ["Script"] = Script.ReplaceLineEndings("\n"),
                },
                ["outputs"] = new JsonArray(new JsonObject { ["Name"] = "Functions", ["Selector"] = "$.Payload.Functions", ["Type"] = "StringList" }),
            }),
            ["outputs"] = new JsonArray("ConfigureFunctions.Functions"),
        };
        return BundleJson.Write(document);
    }
}
