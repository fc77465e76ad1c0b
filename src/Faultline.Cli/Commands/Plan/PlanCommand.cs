using System.Globalization;
using Faultline.Cli.Commands.Lint;
using Faultline.Cli.Commands.Run;
using Faultline.Cli.Output;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Planning;
using Faultline.Core.Text;
using Faultline.Core.Topology;
using Faultline.Core.Topology.Linting;
using Faultline.Core.Verdict;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Plan;

/// <summary>
/// <c>faultline plan EXPERIMENT</c>: a dry run. Resolves the targets, prints the action schedule in lab time, the
/// checks with their windows, the stop conditions, the checks that cannot pass by construction (with the
/// arithmetic), and the predictor's prediction over <see cref="PlanPrediction.DefaultSeeds"/> seeds when one is
/// registered; with <c>--output json</c> the document of <see cref="PlanJson"/>, with <c>-q</c> one summary line.
/// Nothing starts. Exit codes: 0 planned, 1 a check cannot pass by construction, 2 invalid input.
/// </summary>
internal sealed class PlanCommand(IAnsiConsole console, PlanPredictorRegistration registration) : Command<PlanSettings>
{
    public override int Execute(CommandContext context, PlanSettings settings, CancellationToken cancellationToken)
    {
        var output = CommandOutput.Begin(console, settings);
        var read = ExperimentLoader.Load(output.Problems, settings.Experiment, settings.Topology);
        if (read is null)
        {
            return ExitCodes.InvalidInput;
        }

        var experiment = read.Experiment!;
        var topology = read.Topology!;
        var warnings = read.Diagnostics.Select(LintItem.Of)
            .Concat(TopologyLinter.Lint(topology, read.TopologyResult?.SourceMap).Select(LintItem.Of))
            .ToList();
        if (warnings.Count > 0)
        {
            DiagnosticWriter.Write(output.Problems, [.. warnings.Select(w => w.Diagnostic)]);
        }

        var plan = ExperimentPlan.Build(experiment, topology);
        var findings = ConstructionChecks.Check(plan, topology, read.SourceMap);
        var timeScale = experiment.TimeScale ?? topology.TimeScale ?? RunCommand.DefaultTimeScale;
        console.MarkupLine($"[bold]Plan[/] of {Markup.Escape(settings.Experiment)} on topology {Markup.Escape(topology.Name)}: {Markup.Escape(experiment.Hypothesis.Title)}");
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"A run lasts {Durations.Format(plan.RunEnd)} of lab time ({LabTime.Format(plan.RunEnd)}); at time scale {timeScale:0.###} that is about {Durations.Format(TimeSpan.FromSeconds(Math.Ceiling(plan.RunEnd.TotalSeconds / timeScale)))} of wall time.")));
        WriteTargets(plan);
        WriteSchedule(plan);
        WriteChecks(plan);
        WriteStopConditions(plan);
        WriteFindings(findings);
        if (output.Quiet)
        {
            // -q silences the plan, not its problems: they still reach standard error.
            foreach (var finding in findings.OrderBy(f => f.Severity))
            {
                UnwrappedLine.Write(output.Problems, finding.ToDiagnostic());
            }
        }

        var (prediction, unavailable) = WritePrediction(experiment, topology, settings.Seed ?? experiment.Seed ?? RunCommand.DefaultSeed, cancellationToken);
        if (output.IsJson)
        {
            output.WriteJson(PlanJson.Document(settings.Experiment, plan, timeScale, warnings, findings, prediction, unavailable));
        }

        var errors = findings.Count(f => f.Severity == DiagnosticSeverity.Error);
        output.WriteVerdictLine(QuietLine(plan, errors, prediction));
        return errors > 0 ? ExitCodes.Refuted : ExitCodes.Ok;
    }

    /// <summary>The line <c>plan -q</c> prints: the run's length, the checks, how many cannot pass, the prediction's verdicts.</summary>
    internal static string QuietLine(ExperimentPlan plan, int cannotPass, PlanPrediction? prediction)
    {
        var predicted = prediction is null
            ? "prediction: not available"
            : $"prediction over {prediction.Seeds} seeds: {string.Join(", ", prediction.Verdicts.Where(v => v.Value > 0).OrderBy(v => v.Key).Select(v => $"{PlanJson.VerdictName(v.Key)} {v.Value}"))}";
        return $"plan: a run of {Durations.Format(plan.RunEnd)} of lab time; {plan.Checks.Count} check(s), {(cannotPass == 0 ? "none" : cannotPass.ToString(CultureInfo.InvariantCulture))} cannot pass by construction; {predicted}";
    }

    private void Heading(string text)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]{Markup.Escape(text)}[/]");
    }

    private void WriteTargets(ExperimentPlan plan)
    {
        Heading("Targets");
        if (plan.Targets.Count == 0)
        {
            console.WriteLine("  none");
            return;
        }

        foreach (var target in plan.Targets)
        {
            console.MarkupLine($"  {Markup.Escape(target.Name)} ({PlanJson.TypeName(target.Type)}): {Markup.Escape(target.Describe())}");
        }
    }

    private void WriteSchedule(ExperimentPlan plan)
    {
        Heading("Schedule (lab time from the run's start)");
        var table = new Table().AddColumns("From", "To", "Step", "What");
        table.AddRow(LabTime.Format(TimeSpan.Zero), LabTime.Format(plan.FaultStart), "baseline", "load on, no faults; steady-state checks at its end gate the faults");
        foreach (var action in plan.Actions)
        {
            var what = action.Target is null ? action.Kind : $"{action.Kind} on {action.Target}";
            if (action.StartAfter.Count > 0)
            {
                what += $", after {string.Join(", ", action.StartAfter)}";
            }

            table.AddRow(LabTime.Format(action.Start), LabTime.Format(action.End), Markup.Escape(action.Name), Markup.Escape(what));
        }

        table.AddRow(LabTime.Format(plan.FaultStart), LabTime.Format(plan.FaultEnd), "fault phase", "from the first action's start to the last action's end");
        table.AddRow(LabTime.Format(plan.FaultEnd), LabTime.Format(plan.RunEnd), "recovery", "load on, every fault reverted");
        console.Write(table);
    }

    private void WriteChecks(ExperimentPlan plan)
    {
        Heading("Checks");
        var table = new Table().AddColumns("#", "Check", "Window", "Lab time", "Expects");
        foreach (var check in plan.Checks)
        {
            var time = check.Deadline is { } deadline
                ? $"from {LabTime.Format(check.From)}, by {LabTime.Format(deadline)}"
                : $"{LabTime.Format(check.From)} to {LabTime.Format(check.To)}";
            var window = check.IsSteadyState ? $"{check.Definition.Window} (steady state)" : check.Definition.Window.ToString();
            table.AddRow(check.Number.ToString(CultureInfo.InvariantCulture), Markup.Escape(check.Definition.Name), Markup.Escape(window), time, Markup.Escape(check.Expectation));
        }

        console.Write(table);
    }

    private void WriteStopConditions(ExperimentPlan plan)
    {
        Heading("Stop conditions");
        if (plan.StopConditions.Count == 0)
        {
            console.WriteLine("  none: only Ctrl-C stops the run early");
            return;
        }

        foreach (var condition in plan.StopConditions)
        {
            var missing = condition.MissingData switch
            {
                MissingDataTreatment.Breaching => "breaching",
                MissingDataTreatment.NotBreaching => "notBreaching",
                MissingDataTreatment.Ignore => "ignore",
                _ => "missing",
            };
            console.MarkupLine($"  {Markup.Escape(condition.Name)}: {Markup.Escape($"{condition.Metric} of {condition.Clients} {condition.AlarmWhen} for {Durations.Format(condition.For)}")} (seconds without data: {missing}); stops the run and reverts every fault");
        }
    }

    private void WriteFindings(IReadOnlyList<ConstructionFinding> findings)
    {
        Heading("Checks that cannot pass by construction");
        if (findings.Count == 0)
        {
            console.WriteLine("  none found");
            return;
        }

        foreach (var finding in findings.OrderBy(f => f.Severity))
        {
            UnwrappedLine.Write(console, finding.ToDiagnostic());
        }
    }

    // Returns the prediction, or null and why there is none.
    private (PlanPrediction? Prediction, string? Unavailable) WritePrediction(Experiment experiment, Topology topology, int firstSeed, CancellationToken cancellationToken)
    {
        Heading("Prediction");
        if (registration.Predictor is not { } predictor)
        {
            console.WriteLine("  Prediction: not available");
            return (null, "no predictor is registered");
        }

        PlanPrediction prediction;
        try
        {
            prediction = predictor.Predict(experiment, topology, PlanPrediction.DefaultSeeds, firstSeed, cancellationToken);
        }
        catch (InvalidInputException ex)
        {
            // What the engine cannot model (e.g. functions with upstream:) does not make the plan wrong.
            var reason = string.Join("; ", ex.Diagnostics.Select(d => d.ToString()));
            console.MarkupLine($"  Prediction: not available: {Markup.Escape(reason)}");
            return (null, reason);
        }

        var verdicts = string.Join(", ", Enum.GetValues<VerdictKind>()
            .Where(v => prediction.Verdicts.GetValueOrDefault(v) > 0)
            .Select(v => $"{(v == VerdictKind.NotRun ? "not-run" : v.ToString().ToLowerInvariant())} {prediction.Verdicts[v]}"));
        var stopped = prediction.Stopped > 0 ? $"; stopped by a stop condition: {prediction.Stopped}" : string.Empty;
        console.MarkupLine(Markup.Escape($"  {prediction.Seeds} simulated runs, seeds {prediction.FirstSeed} to {prediction.FirstSeed + prediction.Seeds - 1}: {verdicts}{stopped}"));
        foreach (var timing in prediction.TimeToUnhealthy)
        {
            console.MarkupLine(Markup.Escape($"  time to unhealthy, {Describe(timing, prediction.Seeds)}"));
        }

        foreach (var timing in prediction.TimeToDnsMove)
        {
            console.MarkupLine(Markup.Escape($"  time to DNS moving, {Describe(timing, prediction.Seeds)}"));
        }

        return (prediction, null);
    }

    private static string Describe(PlanTiming timing, int seeds) => timing.Median is { } median
        ? $"{timing.Subject}: median {Durations.Format(Round(median))} (p10 {Format(timing.P10)}, p90 {Format(timing.P90)}) after the fault phase's start, in {timing.Runs} of {seeds} runs"
        : $"{timing.Subject}: never, in {seeds} runs";

    private static string Format(TimeSpan? value) => value is { } v ? Durations.Format(Round(v)) : "-";

    private static TimeSpan Round(TimeSpan value) => TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));
}
