using System.Diagnostics;
using Faultline.TestUtils;

namespace Faultline.Core.Tests.Aws.Fis;

/// <summary>
/// The real validators the export is checked with: botocore's service models and offline parameter validator
/// (python3 + botocore), and cfn-lint from tests/tools (npm). A missing tool fails the test with how to install it.
/// </summary>
internal static class AwsValidators
{
    private const string BotocoreScript = """
        import json, sys
        import botocore.session, botocore.validate
        service, operation, path = sys.argv[1], sys.argv[2], sys.argv[3]
        params = json.load(open(path))
        shape = botocore.session.get_session().get_service_model(service).operation_model(operation).input_shape
        report = botocore.validate.ParamValidator().validate(params, shape)
        if report.has_errors():
            print(report.generate_report())
            sys.exit(1)
        print("valid")
        """;

    /// <summary>Validates <paramref name="parameters"/> (JSON) against the input shape of <paramref name="service"/>'s <paramref name="operation"/>.</summary>
    public static async Task<(int ExitCode, string Output)> BotocoreAsync(string service, string operation, string parameters, string workDir)
    {
        var script = Path.Combine(workDir, "validate.py");
        var input = Path.Combine(workDir, $"{operation}.json");
        await File.WriteAllTextAsync(script, BotocoreScript, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(input, parameters, TestContext.Current.CancellationToken);
        var result = await RunAsync("python3", [script, service, operation, input]);
        if (result.Output.Contains("No module named 'botocore'", StringComparison.Ordinal))
        {
            Assert.Fail("botocore is not installed: run eng/test.sh, or pip install botocore");
        }

        return result;
    }

    /// <summary>Runs python3 on a script given as text.</summary>
    public static Task<(int ExitCode, string Output)> PythonAsync(string workDir, string script, params string[] args)
    {
        var path = Path.Combine(workDir, "script.py");
        File.WriteAllText(path, script);
        return RunAsync("python3", [path, .. args]);
    }

    /// <summary>Lints a CloudFormation template file with cfn-lint.</summary>
    public static Task<(int ExitCode, string Output)> CfnLintAsync(string templatePath)
    {
        var cfnLint = RepoPaths.Combine("tests", "tools", "node_modules", ".bin", "cfn-lint");
        if (!File.Exists(cfnLint))
        {
            Assert.Fail($"cfn-lint is not installed at {cfnLint}: run eng/test.sh, or (cd tests/tools && npm ci --ignore-scripts)");
        }

        return RunAsync(cfnLint, ["validate", templatePath]);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Assert.Fail($"{file} is not installed ({exception.Message}): run eng/test.sh");
            throw;
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
