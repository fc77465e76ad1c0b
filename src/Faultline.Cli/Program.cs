using Faultline.Cli;
using Faultline.Lab.Simulation;

// 'faultline plan' predicts with the simulated engine.
return await FaultlineApp.RunAsync(args, predictor: new SimulatedPlanPredictor()).ConfigureAwait(false);
