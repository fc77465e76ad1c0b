namespace Faultline.Lab.Load;

/// <summary>What a load request learns from a response of the lab's gateway (<see cref="LabHttpConnection"/>).</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Region">The answering region: the <c>x-faultline-region</c> header, else read from a seed-style body; <c>null</c> when neither says.</param>
internal readonly record struct LabHttpResponse(int StatusCode, string? Region);
