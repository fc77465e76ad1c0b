using Faultline.Core.Diagnostics;
using Faultline.Core.Faults;

namespace Faultline.Cli.Commands.Fault;

/// <summary>
/// A fault's options as <c>fault add</c>'s flags give them (text, or already typed by Spectre for numbers and
/// booleans): a malformed value is a problem naming the flag; an unknown choice says what
/// <see cref="FaultOptionErrors.UnknownChoice"/> says in every front end.
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
    public TimeSpan? Duration(FaultOptionDefinition option)
    {
        if (Value(option) is not string text)
        {
            return null;
        }

        try
        {
            return FaultAddSettings.Duration(option.Flag, text);
        }
        catch (InvalidInputException ex)
        {
            _problems.AddRange(ex.Diagnostics);
            return null;
        }
    }

    /// <inheritdoc />
    public int? WholeNumber(FaultOptionDefinition option) => Value(option) as int?;

    /// <inheritdoc />
    public bool? Boolean(FaultOptionDefinition option) => Value(option) as bool?;

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

    private object? Value(FaultOptionDefinition option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return _values.GetValueOrDefault(option.Name);
    }
}
