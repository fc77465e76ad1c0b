using Faultline.Core.Aws.Fis;

namespace Faultline.Core.Faults.HttpResponse;

/// <summary><c>http-response</c>: the function result is replaced (the function runtime injects it).</summary>
public sealed class HttpResponseFaultKind : FaultKindDescriptor<HttpResponseFaultOptions>
{
    /// <summary>The status code returned.</summary>
    public static readonly FaultOptionDefinition StatusCode = new()
    {
        Name = "statusCode", Type = FaultOptionType.WholeNumber, Help = "status code, 100-599", Example = "503", Default = "500",
        Minimum = 100, Maximum = 599, Meaning = "an HTTP status such as 500 or 503",
    };

    /// <summary>The body returned.</summary>
    public static readonly FaultOptionDefinition Body = new() { Name = "body", Type = FaultOptionType.Text, Help = "body", Example = "down", Default = string.Empty };

    /// <summary>The content type returned.</summary>
    public static readonly FaultOptionDefinition ContentType = new()
    {
        Name = "contentType", Type = FaultOptionType.Text, Help = "content type", Example = "text/plain", Default = "application/json",
    };

    /// <summary>Whether the handler is skipped.</summary>
    public static readonly FaultOptionDefinition PreventExecution = new()
    {
        Name = "preventExecution", Type = FaultOptionType.Boolean, Help = "skip the handler", Example = "false", Default = "true",
    };

    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.HttpResponse;

    /// <inheritdoc />
    public override string Name => "http-response";

    /// <inheritdoc />
    public override string Description => "the function result is replaced";

    /// <inheritdoc />
    public override FaultScope ActsOn => FaultScope.Functions;

    /// <inheritdoc />
    public override IReadOnlyList<FaultOptionDefinition> Options { get; } = [StatusCode, Body, ContentType, PreventExecution];

    /// <inheritdoc />
    public override IFisFaultMapping? Fis { get; } = new HttpResponseFisMapping();

    /// <inheritdoc />
    public override Injection.IFaultInjector Injector { get; } = new HttpResponseFaultInjector();

    /// <inheritdoc />
    public override FaultOptions Read(IFaultOptionReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new HttpResponseFaultOptions
        {
            StatusCode = reader.WholeNumber(StatusCode) ?? 500,
            Body = reader.Text(Body) ?? string.Empty,
            ContentType = reader.Text(ContentType) ?? "application/json",
            PreventExecution = reader.Boolean(PreventExecution) ?? true,
        };
    }

    /// <inheritdoc />
    protected override void Validate(HttpResponseFaultOptions options, FaultOptionSpelling spelling, List<FaultOptionProblem> problems)
    {
        Add(problems, FaultOptionErrors.Number(StatusCode, spelling, options.StatusCode));

        // JSON can carry nulls the type system promises away.
        if (options.Body is null)
        {
            problems.Add(FaultOptionErrors.NullText(Body, spelling));
        }

        if (options.ContentType is null)
        {
            problems.Add(FaultOptionErrors.NullText(ContentType, spelling));
        }
    }
}
