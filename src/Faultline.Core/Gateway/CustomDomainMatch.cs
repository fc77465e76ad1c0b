namespace Faultline.Core.Gateway;

/// <summary>How a region's gateway takes a request's Host and path: served (with the path the API routes) or not.</summary>
/// <param name="Kind">Served, or why not.</param>
/// <param name="Path">The path the API routes, the mapping's base path removed (<c>/v1/api/hello</c> under <c>/v1</c> → <c>/api/hello</c>); the request's path when not served.</param>
public sealed record CustomDomainMatch(CustomDomainMatchKind Kind, string Path);
