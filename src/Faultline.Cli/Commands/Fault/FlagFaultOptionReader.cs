using Faultline.Core.Diagnostics;
using Faultline.Core.Faults;

namespace Faultline.Cli.Commands.Fault;

/// <summary>
/// A fault's options as <c>fault add</c>'s flags give them, as text: a malformed value (<see cref="FaultOptionErrors.Malformed"/>)
/// and an unknown choice (<see cref="FaultOptionErrors.UnknownChoice"/>) say what they say in every front end, naming the flag.
/// </summary>
internal sealed class FlagFaultOptionReader : IFaultOptionReader
{
    private readonly IReadOnlyDictionary<string, object?> _values;
    private readonly string _subject;
    private readonly List<Diagnostic> _problems = [];

    /// <summary>Reads from <paramref name="values"/> (option name to flag value); <paramref name="subject"/> starts messages, e.g. <c>network: </c>.</summary>
    public FlagFaultOptionReader(IReadOnlyDictionary<string, object?> values, string subject)
    {
        _values = values;
        _subject = subject;
    }

    /// <summary>Every malformed value, in flag order.</summary>
    public IReadOnlyList<Diagnostic> Problems => _problems;

    /// <inheritdoc />
    public bool Failed => _problems.Count > 0;

    /// <inheritdoc />
    public TimeSpan? Duration(FaultOptionDefinition option) => Parse(option, FaultOptionValues.Duration);

    /// <inheritdoc />
    public int? WholeNumber(FaultOptionDefinition option) => Parse(option, FaultOptionValues.WholeNumber);

    /// <inheritdoc />
    public bool? Boolean(FaultOptionDefinition option) => Parse(option, FaultOptionValues.Boolean);

    /// <summary>A number option (the percentage every kind shares), by the same rule and message as the other front ends.</summary>
    public double? Number(FaultOptionDefinition option) => Parse(option, FaultOptionValues.Number);

    /// <inheritdoc />
    public string? Text(FaultOptionDefinition option) => Value(option) as string;

    /// <inheritdoc />
    public string? Choice(FaultOptionDefinition option)
    {
        if (Value(option) is not string text)
        {
            return null;
        }

        var choice = option.MatchChoice(text);
        if (choice is null)
        {
            _problems.Add(FaultOptionErrors.UnknownChoice(option, FaultOptionSpelling.Flags, text).ToDiagnostic(null, _subject));
        }

        return choice;
    }

    // The flags arrive as text, so every front end parses them by one rule and says the same when they do not parse.
    private T? Parse<T>(FaultOptionDefinition option, ParseValue<T> parse)
        where T : struct
    {
        if (Value(option) is not string text)
        {
            return null;
        }

        var value = parse(option, FaultOptionSpelling.Flags, text, out var problem);
        if (problem is not null)
        {
            _problems.Add(problem.ToDiagnostic(null, _subject));
        }

        return value;
    }

    private delegate T? ParseValue<T>(FaultOptionDefinition option, FaultOptionSpelling spelling, string text, out FaultOptionProblem? problem)
        where T : struct;

    private object? Value(FaultOptionDefinition option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return _values.GetValueOrDefault(option.Name);
    }
}
