using System.Text.Json;

namespace Faultline.EndToEnd.Tests.Support;

/// <summary>What <c>faultline lab up</c> publishes in <c>$FAULTLINE_HOME/labs/PORT.json</c> once it is ready.</summary>
internal sealed record LabEndpoints(string ControlUrl, string TokenFile, int DnsPort, int HttpPort, IReadOnlyDictionary<string, string> Regions)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the one lab file under <paramref name="home"/>, or <c>null</c> while there is none.</summary>
    public static LabEndpoints? TryRead(string home)
    {
        var dir = Path.Combine(home, "labs");
        if (!Directory.Exists(dir))
        {
            return null;
        }

        var file = Directory.GetFiles(dir, "*.json").FirstOrDefault();
        if (file is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<LabEndpoints>(File.ReadAllText(file), Options);
        }
        catch (IOException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
