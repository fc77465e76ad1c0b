using Faultline.Core.Diagnostics;
using Faultline.Core.Topology;

namespace Faultline.Core.Faults;

/// <summary>
/// Checks a fault against a topology and resolves its target to the resources it matches (before
/// selection). Collects every problem, not just the first; messages say what is wrong and what is defined.
/// </summary>
public static class FaultSpecValidator
{
    /// <summary>
    /// Validates <paramref name="spec"/> and returns the candidate resources its target matches: function
    /// ids (<c>region/name</c>), region names, a record name or a health check id.
    /// </summary>
    /// <exception cref="InvalidInputException">The spec has errors; every one is listed.</exception>
    public static IReadOnlyList<string> ValidateAndMatch(FaultSpec spec, Topology.Topology topology)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(topology);

        // Specs from JSON can carry nulls the type system promises away.
        if (spec.Options is null || spec.Target is null)
        {
            throw new InvalidInputException($"a fault needs options (with a kind: {string.Join(", ", FaultKinds.Names)}) and a target");
        }

        var errors = new List<string>();
        var kind = FaultKinds.NameOf(spec.Kind);
        ValidateTargetShape(spec.Target, kind, errors);
        if (errors.Count > 0)
        {
            // Matching walks these collections; report the shape first rather than guess.
            throw new InvalidInputException(errors.Select(e => Diagnostic.Error(null, e, null)).ToArray());
        }

        // The one validation of options every front end runs (the experiment reader and fault add run it first).
        var problems = FaultKindRegistry.Validate(spec.Options, spec.Percentage, FaultOptionSpelling.File);
        var matches = FaultKindRegistry.Get(spec.Kind).ActsOn switch
        {
            FaultScope.Region => MatchRegions(spec.Target, topology, kind, errors),
            FaultScope.Record => MatchRecord(spec.Target, topology, kind, errors),
            FaultScope.HealthCheck => MatchHealthCheck(spec.Target, topology, kind, errors),
            _ => MatchFunctions(spec.Target, topology, kind, errors),
        };

        if (problems.Count > 0 || errors.Count > 0)
        {
            throw new InvalidInputException([.. problems.Select(p => p.ToDiagnostic(null, $"{kind}: ")), .. errors.Select(e => Diagnostic.Error(null, e, null))]);
        }

        return matches;
    }

    /// <summary>
    /// The function ids (<c>region/name</c>) a function target matches before its selection, as every function kind
    /// matches them: for targets no fault acts on (a configure step's, a plan's, the AWS export's). Messages begin with
    /// <paramref name="subject"/> (e.g. <c>error</c>, a kind's name, as a fault on the target would say).
    /// </summary>
    /// <exception cref="InvalidInputException">The target has errors; every one is listed.</exception>
    public static IReadOnlyList<string> MatchFunctions(FaultTarget target, Topology.Topology topology, string subject)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(topology);
        var errors = new List<string>();
        ValidateTargetShape(target, subject, errors);
        var matches = errors.Count == 0 ? MatchFunctions(target, topology, subject, errors) : [];
        return errors.Count > 0 ? throw new InvalidInputException(errors.Select(e => Diagnostic.Error(null, e, null)).ToArray()) : matches;
    }

    private static void ValidateTargetShape(FaultTarget target, string kind, List<string> errors)
    {
        if (target.Tags is null)
        {
            errors.Add($"{kind}: target.tags must be an object of names to values, not null");
        }
        else if (target.Tags.Values.Any(v => v is null))
        {
            errors.Add($"{kind}: target.tags has a tag without a value (null); give each tag a string value");
        }

        if (target.FromLocations is null)
        {
            errors.Add($"{kind}: target.fromLocations must be a list of locations, not null");
        }
        else if (target.FromLocations.Any(l => l is null))
        {
            errors.Add($"{kind}: target.fromLocations has a null entry; give location names as strings");
        }

        if (target.Selection is null)
        {
            errors.Add($"{kind}: target.selection must be ALL, COUNT(n) or PERCENT(n), not null");
        }
    }

    private static string[] MatchFunctions(FaultTarget target, Topology.Topology topology, string kind, List<string> errors)
    {
        IEnumerable<FunctionConfig> functions = topology.AllFunctions;
        if (target.Region is not null)
        {
            if (topology.FindRegion(target.Region) is null)
            {
                errors.Add($"{kind}: region '{target.Region}' is not defined; {NameSuggestions.Describe(target.Region, topology.Regions.Select(r => r.Name), "regions")}");
                return [];
            }

            functions = functions.Where(f => string.Equals(f.Region, target.Region, StringComparison.Ordinal));
        }

        if (target.Function is not null)
        {
            var known = functions.Select(f => f.Name).ToArray();
            if (!known.Contains(target.Function, StringComparer.Ordinal))
            {
                var where = target.Region is null ? string.Empty : $" in region '{target.Region}'";
                errors.Add($"{kind}: function '{target.Function}' is not defined{where}; {NameSuggestions.Describe(target.Function, known, "functions")}");
                return [];
            }

            functions = functions.Where(f => string.Equals(f.Name, target.Function, StringComparison.Ordinal));
        }

        if (target.Route is not null)
        {
            var known = functions.Select(f => f.Route.ToString()).ToArray();
            var route = target.Route.Trim();
            var matched = functions.Where(f => RouteMatches(f.Route, route)).ToArray();
            if (matched.Length == 0)
            {
                errors.Add($"{kind}: route '{route}' is not defined; {NameSuggestions.Describe(route, known, "routes")}");
                return [];
            }

            functions = matched;
        }

        foreach (var (key, value) in target.Tags)
        {
            functions = functions.Where(f => f.Tags.TryGetValue(key, out var v) && string.Equals(v, value, StringComparison.Ordinal));
        }

        var result = functions.Select(f => f.Id).ToArray();
        if (result.Length == 0)
        {
            var tags = string.Join(", ", target.Tags.Select(t => $"{t.Key}={t.Value}"));
            errors.Add($"{kind}: the target matches no function (tags {tags}); functions: {string.Join(", ", topology.AllFunctions.Select(f => f.Id))}");
        }

        return result;
    }

    private static bool RouteMatches(RouteKey route, string given)
    {
        var space = given.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return string.Equals(route.Path, given, StringComparison.Ordinal);
        }

        var method = given[..space];
        var path = given[(space + 1)..].Trim();
        return string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase) && string.Equals(route.Path, path, StringComparison.Ordinal);
    }

    private static string[] MatchRegions(FaultTarget target, Topology.Topology topology, string kind, List<string> errors)
    {
        foreach (var location in target.FromLocations)
        {
            if (!topology.Locations.Contains(location, StringComparer.Ordinal))
            {
                errors.Add($"{kind}: location '{location}' is not defined; {NameSuggestions.Describe(location, topology.Locations, "locations")}");
            }
        }

        if (target.Region is null)
        {
            return topology.Regions.Select(r => r.Name).ToArray();
        }

        if (topology.FindRegion(target.Region) is null)
        {
            errors.Add($"{kind}: region '{target.Region}' is not defined; {NameSuggestions.Describe(target.Region, topology.Regions.Select(r => r.Name), "regions")}");
            return [];
        }

        return [target.Region];
    }

    private static string[] MatchRecord(FaultTarget target, Topology.Topology topology, string kind, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(target.Record))
        {
            errors.Add($"{kind}: a record name is required; defined records: {string.Join(", ", topology.Dns.Records.Select(r => r.Name))}");
            return [];
        }

        var record = topology.Dns.FindRecord(target.Record);
        if (record is null)
        {
            errors.Add($"{kind}: record '{target.Record}' is not defined; {NameSuggestions.Describe(DnsName.Normalize(target.Record), topology.Dns.Records.Select(r => r.Name), "records")}");
            return [];
        }

        return [record.Name];
    }

    private static string[] MatchHealthCheck(FaultTarget target, Topology.Topology topology, string kind, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(target.HealthCheck))
        {
            errors.Add($"{kind}: a health check id is required; defined health checks: {string.Join(", ", topology.HealthChecks.Select(h => h.Id))}");
            return [];
        }

        if (topology.FindHealthCheck(target.HealthCheck) is null)
        {
            errors.Add($"{kind}: health check '{target.HealthCheck}' is not defined; {NameSuggestions.Describe(target.HealthCheck, topology.HealthChecks.Select(h => h.Id), "health checks")}");
            return [];
        }

        return [target.HealthCheck];
    }
}
