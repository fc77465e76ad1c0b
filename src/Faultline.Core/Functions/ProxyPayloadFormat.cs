namespace Faultline.Core.Functions;

/// <summary>The API Gateway Lambda proxy payload format a function is invoked with.</summary>
public enum ProxyPayloadFormat
{
    /// <summary>Version 1.0: REST APIs (and HTTP APIs configured for it). The default.</summary>
    V1 = 0,

    /// <summary>Version 2.0: HTTP APIs' default.</summary>
    V2 = 1,
}
