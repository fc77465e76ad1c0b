using Faultline.Core.Faults;
using Faultline.Core.Yaml;

namespace Faultline.Core.Experiments.Reading;

/// <summary>
/// A fault action's options as an experiment file writes them: a malformed value is reported with file:line:column and
/// the message every front end gives (<see cref="FaultOptionErrors.Malformed"/>), an unknown choice with <see cref="FaultOptionErrors.UnknownChoice"/> after <c>subject</c>.
/// </summary>
internal sealed class YamlFaultOptionReader : IFaultOptionReader
{
    private readonly MappingReader _reader;
    private readonly YamlReadContext _context;
    private readonly string _subject;

    /// <summary>Reads options from the action's mapping; <paramref name="subject"/> starts messages, e.g. <c>action 'a' (network): </c>.</summary>
    public YamlFaultOptionReader(MappingReader reader, YamlReadContext context, string subject)
    {
        _reader = reader;
        _context = context;
        _subject = subject;
    }

    /// <inheritdoc />
    public bool Failed { get; private set; }

    /// <inheritdoc />
    public TimeSpan? Duration(FaultOptionDefinition option) => Parse(option, FaultOptionValues.Duration, _reader.Duration);

    /// <inheritdoc />
    public int? WholeNumber(FaultOptionDefinition option) => Parse(option, FaultOptionValues.WholeNumber, key => _reader.WholeNumber(key));

    /// <inheritdoc />
    public bool? Boolean(FaultOptionDefinition option) => Parse(option, FaultOptionValues.Boolean, _reader.Boolean);

    /// <summary>A number option (the percentage every kind shares), by the same rule and message as the other front ends.</summary>
    public double? Number(FaultOptionDefinition option) => Parse(option, FaultOptionValues.Number, key => _reader.Number(key));

    /// <inheritdoc />
    public string? Text(FaultOptionDefinition option) => Track(option, _reader.Text(option.Name));

    /// <inheritdoc />
    public string? Choice(FaultOptionDefinition option)
    {
        var text = Track(option, _reader.Text(option.Name));
        if (text is null)
        {
            return null;
        }

        var choice = option.MatchChoice(text);
        if (choice is null)
        {
            _context.Add(FaultOptionErrors.UnknownChoice(option, FaultOptionSpelling.File, text).ToDiagnostic(_reader.LocationOf(option.Name), _subject));
            Failed = true;
        }

        return choice;
    }

    // A scalar is parsed by the rule and message every front end shares (FaultOptionValues), reported at its place in
    // the file; anything else (a list, a mapping) is the mapping reader's to report.
    private T? Parse<T>(FaultOptionDefinition option, ParseValue<T> parse, Func<string, T?> read)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(option);
        if (_reader.Get(option.Name) is not YamlScalar scalar)
        {
            return Track(option, read(option.Name));
        }

        var value = parse(option, FaultOptionSpelling.File, scalar.Value, out var problem);
        if (problem is not null)
        {
            _context.Add(problem.ToDiagnostic(scalar.Location, _subject));
            Failed = true;
        }

        return value;
    }

    private delegate T? ParseValue<T>(FaultOptionDefinition option, FaultOptionSpelling spelling, string text, out FaultOptionProblem? problem)
        where T : struct;

    private T? Track<T>(FaultOptionDefinition option, T? value)
    {
        // The mapping reader reported a value it could not read; the options are not used then.
        if (value is null && _reader.Has(option.Name))
        {
            Failed = true;
        }

        return value;
    }
}
