using System.Globalization;
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
/// registered. Nothing starts. Exit codes: 0 planned, 1 a check cannot pass by construction, 2 invalid input.
/// </summary>
internal sealed class PlanCommand(IAnsiConsole console, PlanPredictorRegistration registration) : Command<PlanSettings>
{
    public override int Execute(CommandContext context, PlanSettings settings, CancellationToken cancellationToken)
    {
        var read = ExperimentLoader.Load(console, settings.Experiment, settings.Topology);
        if (read is null)
        {
            return ExitCodes.InvalidInput;
        }

        var experiment = read.Experiment!;
        var topology = read.Topology!;
        var warnings = read.Diagnostics
            .Concat(TopologyLinter.Lint(topology, read.TopologyResult?.SourceMap).Select(f => f.ToDiagnostic()))
            .ToList();
        if (warnings.Count > 0)
        {
            DiagnosticWriter.Write(console, warnings);
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
        WritePrediction(experiment, topology, settings.Seed ?? experiment.Seed ?? RunCommand.DefaultSeed, cancellationToken);
        return findings.Any(f => f.Severity == DiagnosticSeverity.Error) ? ExitCodes.Refuted : ExitCodes.Ok;
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
            console.MarkupLine($"  {Markup.Escape(target.Name)} ({TypeName(target.Type)}): {Markup.Escape(target.Describe())}");
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

    private void WritePrediction(Experiment experiment, Topology topology, int firstSeed, CancellationToken cancellationToken)
    {
        Heading("Prediction");
        if (registration.Predictor is not { } predictor)
        {
            console.WriteLine("  Prediction: not available");
            return;
        }

        PlanPrediction prediction;
        try
        {
            prediction = predictor.Predict(experiment, topology, PlanPrediction.DefaultSeeds, firstSeed, cancellationToken);
        }
        catch (InvalidInputException ex)
        {
            // What the engine cannot model (e.g. functions with upstream:) does not make the plan wrong.
            console.MarkupLine($"  Prediction: not available: {Markup.Escape(string.Join("; ", ex.Diagnostics.Select(d => d.ToString())))}");
            return;
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
    }

    // As written in the experiment's targets (type: healthCheck).
    private static string TypeName(TargetType type) => type switch
    {
        TargetType.Function => "function",
        TargetType.Region => "region",
        TargetType.Record => "record",
        _ => "healthCheck",
    };

    private static string Describe(PlanTiming timing, int seeds) => timing.Median is { } median
        ? $"{timing.Subject}: median {Durations.Format(Round(median))} (p10 {Format(timing.P10)}, p90 {Format(timing.P90)}) after the fault phase's start, in {timing.Runs} of {seeds} runs"
        : $"{timing.Subject}: never, in {seeds} runs";

    private static string Format(TimeSpan? value) => value is { } v ? Durations.Format(Round(v)) : "-";

    private static TimeSpan Round(TimeSpan value) => TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));
}
