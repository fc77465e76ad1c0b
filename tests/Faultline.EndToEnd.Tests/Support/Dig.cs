using System.Diagnostics;

namespace Faultline.EndToEnd.Tests.Support;

/// <summary>Debian's <c>dig</c>, as a user would query the lab's DNS server: from a chosen source address.</summary>
internal static class Dig
{
    /// <summary>Runs <c>dig @127.0.0.1 -p PORT -b SOURCE NAME +short</c> and returns the answer lines.</summary>
    public static async Task<string> ShortAsync(int port, string source, string name, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dig")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "@127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-b", source, name, "+short", "+time=2", "+tries=1" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dig did not start; install bind9-dnsutils (eng/test.sh does).");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var stdout = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return stdout.Trim();
    }
}
