using System.Diagnostics;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Core.Tests.Aws.CloudFormation;

/// <summary>
/// The real validators the export is checked with: cfn-lint (npm, tests/tools) and botocore's service models. A
/// missing validator fails the test with how to install it; it never skips.
/// </summary>
internal static class AwsValidators
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>Runs <c>cfn-lint validate</c> on a template with the given parameter values; returns its exit code and output.</summary>
    public static (int ExitCode, string Output) CfnLint(string templatePath, IReadOnlyDictionary<string, string> parameters)
    {
        var cfnLint = RepoPaths.Combine("tests", "tools", "node_modules", ".bin", "cfn-lint");
        Assert.True(File.Exists(cfnLint), $"cfn-lint is not installed at {cfnLint}; run `cd tests/tools && npm ci --ignore-scripts` (eng/test.sh does it)");
        List<string> args = ["validate", templatePath];
        if (parameters.Count > 0)
        {
            args.Add("--parameters");
            args.Add(string.Join(",", parameters.Select(p => $"{p.Key}={p.Value}")));
        }

        return Run(cfnLint, args, stdin: null);
    }

    /// <summary>
    /// Validates <paramref name="parametersJson"/> against an operation's input shape with botocore's offline
    /// validator; returns the validator's report (empty when valid).
    /// </summary>
    public static string Botocore(string service, string operation, string parametersJson)
    {
        const string Script = """
            import json, sys
            try:
                import botocore.session, botocore.validate
            except ImportError:
                print("MISSING-BOTOCORE"); sys.exit(3)
            service, operation = sys.argv[1], sys.argv[2]
            params = json.loads(sys.stdin.read())
            shape = botocore.session.get_session().get_service_model(service).operation_model(operation).input_shape
            report = botocore.validate.ParamValidator().validate(params, shape)
            print(report.generate_report() if report.has_errors() else "")
            """;
        var (code, output) = Run("python3", ["-c", Script, service, operation], parametersJson);
        Assert.False(output.Contains("MISSING-BOTOCORE", StringComparison.Ordinal), "botocore is not installed; run `apt-get install python3-botocore` (eng/test.sh does it)");
        Assert.True(code == 0, $"the botocore validator failed to run ({code}): {output}");
        return output.Trim();
    }

    private static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, string? stdin)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No colours: the output is read by the test and shown in its failure message.
        start.Environment["FORCE_COLOR"] = "0";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} did not finish within {Limit}");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
