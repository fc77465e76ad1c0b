using Faultline.Core.Faults;
using Faultline.Core.Yaml;

namespace Faultline.Core.Experiments.Reading;

/// <summary>
/// A fault action's options as an experiment file writes them: malformed values are reported with file:line:column
/// by the mapping reader, an unknown choice with <see cref="FaultOptionErrors.UnknownChoice"/> after <c>subject</c>.
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
    public TimeSpan? Duration(FaultOptionDefinition option) => Track(option, _reader.Duration(option.Name));

    /// <inheritdoc />
    public int? WholeNumber(FaultOptionDefinition option) =>
        Track(option, _reader.WholeNumber(option.Name, (int)Math.Max(option.Minimum, int.MinValue), (int)Math.Min(option.Maximum, int.MaxValue)));

    /// <inheritdoc />
    public bool? Boolean(FaultOptionDefinition option) => Track(option, _reader.Boolean(option.Name));

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
