using Faultline.Core.Text;

namespace Faultline.Core.Aws.CloudFormation;

/// <summary>
/// Every error and warning text of <see cref="AwsStacks"/>, built in one place so tests pin them: each says what AWS
/// cannot express and what the export does or how to fix it.
/// </summary>
internal static class AwsStackMessages
{
    public static (string Message, string Fix) UpstreamWithoutArn(string functionId, Uri upstream) =>
        ($"function '{functionId}' forwards to upstream {upstream}, which a Lambda function in AWS cannot reach",
         $"deploy that service as a Lambda function and give its ARN for '{functionId}' (function ARNs option)");

    public static (string Message, string Fix) NotAwsRegion(string what, string name) =>
        ($"{what} '{name}' is not an AWS region id, so nothing can be deployed there",
         "name regions and locations as AWS does, e.g. us-east-1 or eu-west-1");

    public static (string Message, string Fix) BadFunctionArn(string functionId, string arn) =>
        ($"the ARN given for function '{functionId}' ('{arn}') is not a Lambda function ARN",
         "write arn:aws:lambda:REGION:ACCOUNT:function:NAME");

    public static (string Message, string Fix) UnknownFunctionArnKey(string key, IEnumerable<string> known) =>
        ($"a function ARN is given for '{key}', which is no function of the topology",
         $"key function ARNs by region/name; functions: {string.Join(", ", known)}");

    public static (string Message, string Fix) ColdStartNotExpressible(string functionId, TimeSpan coldStart, TimeSpan keepWarm) =>
        ($"function '{functionId}' sets coldStart {Durations.Format(coldStart)} and keepWarm {Durations.Format(keepWarm)}, which Lambda does not let you set",
         "the deployed function starts and stays warm as Lambda decides; remove them to silence this");

    public static (string Message, string Fix) TimeoutRoundedUp(string functionId, TimeSpan timeout, int seconds) =>
        ($"function '{functionId}' has timeout {Durations.Format(timeout)}; Lambda timeouts are whole seconds, so it is deployed with {seconds}s",
         "write the timeout in whole seconds");

    public static (string Message, string Fix) IntegrationTimeoutAbove29s(string region, TimeSpan timeout) =>
        ($"region '{region}' has integrationTimeout {Durations.Format(timeout)}; REST APIs allow more than 29s only after a quota increase",
         "request the increase for regional REST APIs before deploying, or set integrationTimeout: 29s or less");

    public static (string Message, string Fix) RegionWithoutFunctions(string region) =>
        ($"region '{region}' has no functions, so no API is deployed there and its record sets have no target",
         "add its functions, or remove the region");

    public static (string Message, string Fix) SimpleRecordHealthCheck(string record, string check) =>
        ($"record {record} uses simple routing with health check '{check}'; Route 53 does not evaluate health checks on simple records, and neither does the lab",
         "the record is exported without the health check; use failover or latency routing to act on it");

    public static (string Message, string Fix) ApexAlias(string record, TimeSpan ttl) =>
        ($"record {record} is the zone apex, where Route 53 allows no CNAME; it is exported as an alias A record, which has no TTL (the {(long)ttl.TotalSeconds}s TTL is not carried)",
         "use a name below the apex to keep the TTL");

    public static (string Message, string Fix) DisabledHealthCheck(string check) =>
        ($"health check '{check}' is disabled; the CloudFormation resource specification the export is validated against has no Disabled property, so its record sets are exported without it (Route 53 treats both as always healthy)",
         "enable the check, or disable it in Route 53 after deploying");

    public static (string Message, string Fix) CheckersNotExpressible(string check, int checkers) =>
        ($"health check '{check}' sets checkers: {checkers}; Route 53 chooses how many checkers probe",
         "remove checkers to silence this");

    public static (string Message, string Fix) CheckerRegionsDropped(string check, IEnumerable<string> dropped, IEnumerable<string> valid) =>
        ($"health check '{check}' lists checker regions Route 53 has no checkers in ({string.Join(", ", dropped)}); they are left out",
         $"Route 53 checks from {string.Join(", ", valid)}");

    public static (string Message, string Fix) CheckerRegionsTooFew(string check) =>
        ($"health check '{check}' keeps fewer than three Route 53 checker regions, the least Route 53 accepts; it is exported without regions, so every checker region probes",
         "list at least three of Route 53's checker regions");

    public static (string Message, string Fix) PropagationDelay(TimeSpan delay) =>
        ($"dns propagationDelay {Durations.Format(delay)} is the lab's model of Route 53; Route 53 propagates changes itself (within about 60s)",
         "nothing to deploy; remove it to silence this");

    public static (string Message, string Fix) RateOutsideLoadGenerator(string client, double rate) =>
        ($"the load of '{client}' is {rate.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)} requests per second; faultline load sends {LoadStackBuilder.MinRate.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {LoadStackBuilder.MaxRate.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} per task, so its task refuses to start",
         "set a rate in that range, or split the population into several clients");

    public static (string Message, string Fix) RampNotExpressible(string client) =>
        ($"the load of '{client}' ramps up; faultline load sends at one rate, so its task sends at the final rate from the start",
         "remove the ramp, or start the task by hand at the lower rate first");

    /// <summary>A region whose gateway is an HTTP API: the stacks deploy a REST API.</summary>
    public static (string Message, string Fix) HttpApiExportedAsRest(string region) =>
        ($"region '{region}' has gateway type http; the exported stack deploys a REST API, which answers failures differently (docs/fidelity.md)",
         "deploy an HTTP API (AWS::ApiGatewayV2) yourself, or set type: rest to compare like with like");
}
