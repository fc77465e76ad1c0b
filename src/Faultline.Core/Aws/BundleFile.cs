namespace Faultline.Core.Aws;

/// <summary>One file of the bundle <c>faultline export aws</c> writes.</summary>
/// <param name="Path">Its path inside the bundle, with <c>/</c> separators (e.g. <c>cloudformation/api-us-east-1.json</c>).</param>
/// <param name="Content">Its text (JSON, YAML or Markdown), ending with a newline.</param>
public sealed record BundleFile(string Path, string Content);
