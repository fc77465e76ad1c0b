using System.Globalization;

namespace Faultline.Core.Planning;

/// <summary>Formats offsets from the run's start as the plan prints them.</summary>
public static class LabTime
{
    /// <summary>An offset as <c>T+mm:ss</c> (<c>T+02:00</c>, <c>T+75:30</c>); a negative offset as <c>T-mm:ss</c>.</summary>
    public static string Format(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var seconds = (long)Math.Round(Math.Abs(offset.TotalSeconds));
        return string.Create(CultureInfo.InvariantCulture, $"T{sign}{seconds / 60:00}:{seconds % 60:00}");
    }
}
