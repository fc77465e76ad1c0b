namespace Faultline.Core.Functions;

/// <summary>
/// Which build of the chaos-lambda-extension a function's layer holds. The releases differ in one
/// variable name: the response-body switch.
/// </summary>
/// <remarks>
/// Read from the extension's source (https://github.com/aws-cli-tools/chaos-lambda-extension, src/routes.rs):
/// tag v0.1.6 (2023-07-30; the release workflow publishes layers only for tags) reads only
/// <c>CHAOS_EXTENSION__RESPONSE__ENABLE_CHANGE_REPONSE_BODY</c>; commit 2b12cd9 on main ("Typo in env name
/// (#10)", untagged) reads only <c>…ENABLE_CHANGE_RESPONSE_BODY</c>.
/// </remarks>
public enum ChaosExtensionRelease
{
    /// <summary><c>v0.1.6</c>, the last tagged release and the one the published layers are built from (the default).</summary>
    Tagged = 0,

    /// <summary><c>main</c>: a layer built from the main branch.</summary>
    Main = 1,
}
