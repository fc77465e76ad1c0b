using Faultline.Core.Diagnostics;
using Faultline.Core.Yaml;

namespace Faultline.Core.Topology.Reading;

/// <summary>
/// Every topology-specific diagnostic, in one place: the wording is API and pinned by tests. Subjects
/// (<c>what</c>) read like <c>health check 'hc-us'</c>, <c>function 'hello' in region 'us-east-1'</c>,
/// <c>set 'us' of record 'api.example.test'</c>.
/// </summary>
public static class TopologyErrors
{
    /// <summary>The topology file does not exist.</summary>
    public static Diagnostic FileNotFound(string path) =>
        Diagnostic.Error(null, $"topology file '{path}' was not found", "check the path, or run 'faultline init' to write the seed topology");

    /// <summary>A number outside its allowed range.</summary>
    public static Diagnostic OutOfRange(SourceLocation? at, string what, string key, string value, string min, string max, string whose) =>
        Diagnostic.Error(at, $"{what} has {key} {value}, which is outside {min}–{max}", $"set {key} between {min} and {max} ({whose} limits)");

    /// <summary>A health check interval other than 10 s or 30 s.</summary>
    public static Diagnostic BadInterval(SourceLocation? at, string what, TimeSpan interval) =>
        Diagnostic.Error(at, $"{what} has interval {Text.Durations.Format(interval)}, which Route 53 does not support", "set interval to 10s or 30s");

    /// <summary>A negative reserved concurrency.</summary>
    public static Diagnostic NegativeReservedConcurrency(SourceLocation? at, string what, int value) =>
        Diagnostic.Error(at, $"{what} has reservedConcurrency {value}, which is negative", "set reservedConcurrency to 0 or more, or remove it for unreserved concurrency");

    /// <summary>A client rate that does not parse.</summary>
    public static Diagnostic BadRate(SourceLocation? at, string what, string text) =>
        Diagnostic.Error(at, $"{what} has rate '{text}', which is not a rate", "write a rate such as 20/s, 1200/m or 20 (per second)");

    /// <summary>A client rate of zero or less.</summary>
    public static Diagnostic RateNotPositive(SourceLocation? at, string what, string text) =>
        Diagnostic.Error(at, $"{what} has rate {text}, which is not above zero", "set rate to a positive rate such as 20/s");

    /// <summary>A route that is not <c>METHOD /path</c>.</summary>
    public static Diagnostic BadRoute(SourceLocation? at, string what, string text) =>
        Diagnostic.Error(at, $"{what} has route '{text}', which is not METHOD /path", $"write it like GET /api/hello; methods: {string.Join(", ", TopologyReader.RouteMethods)}");

    /// <summary>A handler that is not built in.</summary>
    public static Diagnostic UnknownHandler(SourceLocation? at, string what, string handler) =>
        Diagnostic.Error(at, $"{what} has handler '{handler}', which is not a built-in handler", Suggestions.DidYouMean(handler, TopologyReader.BuiltInHandlers, "built-in handlers"));

    /// <summary>A function with both a handler and an upstream.</summary>
    public static Diagnostic HandlerAndUpstream(SourceLocation? at, string what) =>
        Diagnostic.Error(at, $"{what} has both handler and upstream", "keep one: handler for a built-in function, upstream to forward to your own service");

    /// <summary>A function with neither a handler nor an upstream.</summary>
    public static Diagnostic NoHandlerNorUpstream(SourceLocation? at, string what) =>
        Diagnostic.Error(at, $"{what} has neither handler nor upstream", $"add handler: hello (built-in handlers: {string.Join(", ", TopologyReader.BuiltInHandlers)}) or upstream: http://127.0.0.1:5000");

    /// <summary>An upstream that is not an http(s) loopback URL.</summary>
    public static Diagnostic UpstreamNotLoopback(SourceLocation? at, string what, string text) =>
        Diagnostic.Error(at, $"{what} has upstream '{text}', which is not an http(s) URL on loopback", "the lab only talks to loopback: use a URL such as http://127.0.0.1:5000");

    /// <summary>A client URL that is not an absolute http(s) URL.</summary>
    public static Diagnostic BadUrl(SourceLocation? at, string what, string text) =>
        Diagnostic.Error(at, $"{what} has url '{text}', which is not an absolute http(s) URL", "write a URL such as https://api.example.test/api/hello");

    /// <summary>A record type other than A.</summary>
    public static Diagnostic UnsupportedRecordType(SourceLocation? at, string what, string type) =>
        Diagnostic.Error(at, $"{what} has type '{type}', which the lab does not answer", "use type: A (the only type supported), or remove type");

    /// <summary>A record name outside the zone.</summary>
    public static Diagnostic RecordOutsideZone(SourceLocation? at, string name, string zone) =>
        Diagnostic.Error(at, $"record '{name}' is not inside zone '{zone}'", $"use a name ending in .{zone}");

    /// <summary>A name defined twice.</summary>
    /// <param name="at">Where the second definition is.</param>
    /// <param name="subject">What is defined twice, e.g. <c>set 'us' of record 'api.example.test'</c>.</param>
    /// <param name="first">Where the first definition is, if known.</param>
    public static Diagnostic Duplicate(SourceLocation? at, string subject, SourceLocation? first) =>
        Diagnostic.Error(at, $"{subject} is defined twice{(first is null ? string.Empty : $" (first at line {first.Line})")}", "remove or rename one of them");

    /// <summary>Two functions of a region on the same route.</summary>
    public static Diagnostic DuplicateRoute(SourceLocation? at, string what, RouteKey route, string otherFunction) =>
        Diagnostic.Error(at, $"{what} has route '{route}', which function '{otherFunction}' already has", "give each function of a region its own route");

    /// <summary>An empty location list.</summary>
    public static Diagnostic NoLocations(SourceLocation? at) =>
        Diagnostic.Error(at, "the topology lists no locations", "list where customers and checkers sit, e.g. locations: [us-east-1, eu-west-1]");

    /// <summary>More locations than the lab has loopback subnets for.</summary>
    public static Diagnostic TooManyLocations(SourceLocation? at, int count) =>
        Diagnostic.Error(at, $"the topology lists {count} locations, more than the lab's 254", "list at most 254 locations (each owns one 127.0.k.0/24 subnet)");

    /// <summary>A region missing from the location list.</summary>
    public static Diagnostic RegionNotLocation(SourceLocation? at, string region, IReadOnlyCollection<string> locations) =>
        Diagnostic.Error(at, $"region '{region}' is not listed in locations", $"add it: locations: [{string.Join(", ", locations.Append(region))}]");

    /// <summary>
    /// A reference to something not defined, e.g.
    /// <c>health check 'hc-us' names region 'us-est-1' in regions, which is not a location; did you mean 'us-east-1'? defined locations: …</c>.
    /// </summary>
    /// <param name="at">Where the reference is written.</param>
    /// <param name="what">The subject that refers.</param>
    /// <param name="kind">What is referred to, singular: <c>region</c>, <c>health check</c>.</param>
    /// <param name="value">The name written.</param>
    /// <param name="key">The key it was written under.</param>
    /// <param name="notWhat">The tail, e.g. <c>a location</c> or <c>defined</c>.</param>
    /// <param name="pluralDefined">The list's name, e.g. <c>defined locations</c>.</param>
    /// <param name="defined">The names that are defined.</param>
    public static Diagnostic Undefined(SourceLocation? at, string what, string kind, string value, string key, string notWhat, string pluralDefined, IReadOnlyCollection<string> defined) =>
        Diagnostic.Error(at, $"{what} names {kind} '{value}' in {key}, which is not {notWhat}", Suggestions.DidYouMean(value, defined, pluralDefined));

    /// <summary>A health check FQDN that is not a record of the zone.</summary>
    public static Diagnostic FqdnNotRecord(SourceLocation? at, string healthCheck, string fqdn, string zone, IReadOnlyCollection<string> records) =>
        Diagnostic.Error(at, $"health check '{healthCheck}' probes '{fqdn}', which is not a record of zone '{zone}' (checkers resolve through the lab DNS)", Suggestions.DidYouMean(fqdn, records, "defined records"));

    /// <summary>A client URL whose host is not a record of the zone.</summary>
    public static Diagnostic HostNotRecord(SourceLocation? at, string client, string host, string zone, IReadOnlyCollection<string> records) =>
        Diagnostic.Error(at, $"client '{client}' requests host '{host}', which is not a record of zone '{zone}' (clients resolve through the lab DNS)", Suggestions.DidYouMean(host, records, "defined records"));

    /// <summary>A record with both the simple shorthand and sets.</summary>
    public static Diagnostic ShorthandAndSets(SourceLocation? at, string record) =>
        Diagnostic.Error(at, $"record '{record}' has both region and sets", "write region (and healthCheck) for one simple set, or sets for several, not both");

    /// <summary>A <c>ttl</c> on a record whose every set is an alias (an alias has no TTL of its own).</summary>
    public static Diagnostic AliasTtl(SourceLocation? at, string record) =>
        Diagnostic.Error(at, $"record '{record}' sets ttl, but all its sets are aliases, and an alias has no TTL of its own (Route 53 answers with the target's, 60s)", "remove ttl, or drop alias from the sets that should carry it");

    /// <summary>A record with no set.</summary>
    public static Diagnostic NoSets(SourceLocation? at, string record) =>
        Diagnostic.Error(at, $"record '{record}' has no sets", "add region: <region> for a simple record, or sets: [...] for a routed one");

    /// <summary>A simple record with more than one set.</summary>
    public static Diagnostic SimpleRecordSets(SourceLocation? at, string record, int count) =>
        Diagnostic.Error(at, $"simple record '{record}' has {count} sets, but must have exactly one", "keep one set, or choose routing: latency, failover or weighted");

    /// <summary>A latency record with two sets in one region.</summary>
    public static Diagnostic LatencyRegionTwice(SourceLocation? at, string record, string setId, string region, string otherSet) =>
        Diagnostic.Error(at, $"set '{setId}' of latency record '{record}' is in region '{region}', like set '{otherSet}'", "give a latency record at most one set per region (Route 53 allows one)");

    /// <summary>A failover set without a role.</summary>
    public static Diagnostic FailoverRoleMissing(SourceLocation? at, string record, string setId) =>
        Diagnostic.Error(at, $"set '{setId}' of failover record '{record}' has no failover role", "add failover: primary or failover: secondary");

    /// <summary>A failover record without exactly one primary.</summary>
    public static Diagnostic FailoverPrimaryCount(SourceLocation? at, string record, int count) =>
        Diagnostic.Error(at, $"failover record '{record}' has {count} primary sets, but must have exactly one", "mark exactly one set failover: primary");

    /// <summary>A failover record with more than one secondary.</summary>
    public static Diagnostic FailoverSecondaryCount(SourceLocation? at, string record, int count) =>
        Diagnostic.Error(at, $"failover record '{record}' has {count} secondary sets, but may have at most one", "mark at most one set failover: secondary");

    /// <summary>A (location, region) pair a latency record needs but latencyMs does not give.</summary>
    public static Diagnostic MissingLatency(SourceLocation? at, string record, string region, string location) =>
        Diagnostic.Error(at, $"latency record '{record}' routes to region '{region}', but latencyMs gives no latency between location '{location}' and it", $"add latencyMs: {{ {location}: {{ {region}: <ms> }} }}");

    /// <summary>A latencyMs key that is not a location.</summary>
    public static Diagnostic LatencyNotLocation(SourceLocation? at, string what, string name, IReadOnlyCollection<string> locations) =>
        Diagnostic.Error(at, $"{what} names '{name}', which is not a location", Suggestions.DidYouMean(name, locations, "defined locations"));

    /// <summary>A negative latency.</summary>
    public static Diagnostic NegativeLatency(SourceLocation? at, string from, string to, double value) =>
        Diagnostic.Error(at, $"latencyMs from '{from}' to '{to}' is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, which is negative", "write a one-way latency in milliseconds, 0 or more");

    /// <summary>A string-match check without a search string.</summary>
    public static Diagnostic SearchStringRequired(SourceLocation? at, string healthCheck, string type) =>
        Diagnostic.Error(at, $"health check '{healthCheck}' has type {type} but no searchString", "add searchString: the text the response body must contain (at most 255 characters)");

    /// <summary>A search string over Route 53's 255 characters.</summary>
    public static Diagnostic SearchStringTooLong(SourceLocation? at, string healthCheck, int length) =>
        Diagnostic.Error(at, $"health check '{healthCheck}' has a searchString of {length} characters, more than Route 53's 255", "shorten searchString to at most 255 characters");

    /// <summary>A search string on a type that does not search.</summary>
    public static Diagnostic SearchStringUnused(SourceLocation? at, string healthCheck, string type) =>
        Diagnostic.Warning(at, $"health check '{healthCheck}' has a searchString, which type {type} ignores", "use type HTTP_STR_MATCH or HTTPS_STR_MATCH, or remove searchString");

    /// <summary>A health check path that does not start with a slash.</summary>
    public static Diagnostic PathNotAbsolute(SourceLocation? at, string healthCheck, string path) =>
        Diagnostic.Error(at, $"health check '{healthCheck}' has path '{path}', which does not start with '/'", $"write path: /{path.TrimStart('/')}");

    /// <summary>An HTTP API's integration timeout outside 50 ms–30 s.</summary>
    public static Diagnostic HttpIntegrationTimeoutOutOfRange(SourceLocation? at, string what, TimeSpan value) =>
        Diagnostic.Error(at, $"{what} has integrationTimeout {Text.Durations.Format(value)}, which is outside 50ms–30s, the limits of type: http", "set integrationTimeout between 50ms and 30s (HTTP APIs cannot wait longer), or use type: rest, which allows up to 300s");

    /// <summary>A route throttling key that is not a route key.</summary>
    public static Diagnostic BadThrottledRoute(SourceLocation? at, string what, string text) =>
        Diagnostic.Error(at, $"{what} throttles '{text}', which is not a route", "write the route as a function of the region writes it, METHOD /path, e.g. GET /api/hello");

    /// <summary>A route throttling key that no function of the region has.</summary>
    public static Diagnostic UnroutedThrottledRoute(SourceLocation? at, string what, RouteKey route, IReadOnlyCollection<string> routes) =>
        Diagnostic.Error(at, $"{what} throttles route '{route}', which no function of the region has", Suggestions.DidYouMean(route.ToString(), routes, "routes of the region"));

    /// <summary>A custom domain that is not a DNS name.</summary>
    public static Diagnostic BadCustomDomain(SourceLocation? at, string what, string text) =>
        Diagnostic.Error(at, $"{what} has custom domain '{text}', which is not a domain name", "write a name such as api.example.test (letters, digits, hyphens and dots)");

    /// <summary>A base path that is not /, nor /segment[/segment].</summary>
    public static Diagnostic BadBasePath(SourceLocation? at, string what, string text) =>
        Diagnostic.Error(at, $"{what} has base path '{text}', which is not / nor /segment", "write / to map the whole domain (AWS's \"(none)\"), or a path such as /v1 or /orders/v2");

    /// <summary>
    /// A health check's <c>regions</c> entry that is not a Route 53 checker region, e.g. a location of the lab that Route 53
    /// has no checkers in (topologies written before checker regions: the fix says what to write instead).
    /// </summary>
    public static Diagnostic NotCheckerRegion(SourceLocation? at, string healthCheck, string region) =>
        Diagnostic.Error(
            at,
            $"health check '{healthCheck}' names '{region}' in regions, which is not a Route 53 health-checker region (checkers probe only from those, not from the topology's locations)",
            Suggestions.DidYouMean(region, Health.CheckerRegions.All, "checker regions") + "; or remove regions to probe from all of them, Route 53's default");

    /// <summary>A health check naming a checker region twice.</summary>
    public static Diagnostic CheckerRegionTwice(SourceLocation? at, string healthCheck, string region) =>
        Diagnostic.Error(at, $"health check '{healthCheck}' names checker region '{region}' twice in regions", "list each checker region once");

    /// <summary>A health check naming fewer than three checker regions.</summary>
    public static Diagnostic TooFewCheckerRegions(SourceLocation? at, string healthCheck, int count) =>
        Diagnostic.Error(
            at,
            $"health check '{healthCheck}' names {count} checker region{(count == 1 ? string.Empty : "s")} in regions, but Route 53 needs at least {Health.CheckerRegions.Minimum}",
            $"list at least {Health.CheckerRegions.Minimum} of {string.Join(", ", Health.CheckerRegions.All)}, or remove regions to probe from all of them, Route 53's default");

    /// <summary>A checker region outside the topology's locations with no latency to a region of the topology.</summary>
    public static Diagnostic MissingCheckerLatency(SourceLocation? at, string healthCheck, string checkerRegion, string region) =>
        Diagnostic.Error(
            at,
            $"health check '{healthCheck}' probes from checker region '{checkerRegion}', which is not a location, and the lab knows no latency from there to region '{region}' (its built-in table covers AWS regions only)",
            $"add latencyMs: {{ {checkerRegion}: {{ {region}: <ms> }} }}, or list in regions only checker regions that are locations of the topology");
}
