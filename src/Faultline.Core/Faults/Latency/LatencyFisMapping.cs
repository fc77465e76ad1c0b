using System.Globalization;
using System.Text.Json.Nodes;
using Faultline.Core.Aws.Fis;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Text;

namespace Faultline.Core.Faults.Latency;

/// <summary><c>latency</c> as <c>aws:lambda:invocation-add-delay</c>: a fixed <c>startupDelayMilliseconds</c>, at most 900000 (15m); a range has no equivalent.</summary>
public sealed class LatencyFisMapping : IFisFaultMapping
{
    private const long MaximumMilliseconds = 900_000;

    /// <inheritdoc />
    public string ActionId => FisActionIds.AddDelay;

    /// <inheritdoc />
    public bool Export(FaultAction fault, JsonObject parameters, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (((LatencyFaultOptions)fault.Options).Delay is not { } delay)
        {
            var (message, fix) = FisErrors.LatencyRange(fault.Name);
            diagnostics.Add(Diagnostic.Error(fault.Location, message, fix));
            return false;
        }

        if (delay > TimeSpan.FromMilliseconds(MaximumMilliseconds))
        {
            // Reported, yet the action is still built so that every other problem of the export is reported too.
            var (message, fix) = FisErrors.DelayTooLong(fault.Name, delay);
            diagnostics.Add(Diagnostic.Error(fault.Location, message, fix));
        }

        parameters["startupDelayMilliseconds"] = ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        return true;
    }

    /// <inheritdoc />
    public IReadOnlyList<(FaultOptionDefinition Option, string Value)> Import(IFisParameterReader parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var delay = parameters.WholeNumber("startupDelayMilliseconds", 1000, 0, (int)MaximumMilliseconds);
        return [(LatencyFaultKind.Delay, Durations.Format(TimeSpan.FromMilliseconds(delay ?? 0)))];
    }
}
