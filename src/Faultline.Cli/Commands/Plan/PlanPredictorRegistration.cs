using Faultline.Core.Planning;

namespace Faultline.Cli.Commands.Plan;

/// <summary>The predictor <c>faultline plan</c> uses, as registered in <see cref="FaultlineApp.Create"/>; <c>null</c> when none is.</summary>
internal sealed record PlanPredictorRegistration(IPlanPredictor? Predictor);
