using Faultline.Cli;

return await FaultlineApp.RunAsync(args).ConfigureAwait(false);
