namespace Faultline.Core.Sweeps;

/// <summary>One step of a sweep path: a mapping key (<c>healthChecks</c>) or a list entry picked by name (<c>[api.example.test]</c>).</summary>
/// <param name="Text">The key, or the name between the brackets.</param>
/// <param name="IsSelector">Whether the step is <c>[name]</c>.</param>
internal sealed record PathStep(string Text, bool IsSelector)
{
    /// <summary>The steps as written in a path: keys joined by dots, selectors in brackets.</summary>
    public static string Render(IEnumerable<PathStep> steps)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var step in steps)
        {
            if (step.IsSelector)
            {
                builder.Append('[').Append(step.Text).Append(']');
            }
            else
            {
                if (builder.Length > 0)
                {
                    builder.Append('.');
                }

                builder.Append(step.Text);
            }
        }

        return builder.ToString();
    }
}
