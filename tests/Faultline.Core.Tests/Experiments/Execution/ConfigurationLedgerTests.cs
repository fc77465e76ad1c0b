using Faultline.Core.Experiments.Execution;

namespace Faultline.Core.Tests.Experiments.Execution;

public sealed class ConfigurationLedgerTests
{
    private static readonly FunctionConfiguration Plain = new();
    private static readonly FunctionConfiguration WithLayer = new() { Layers = ["chaos-lambda-extension"] };
    private static readonly FunctionConfiguration WithTwoLayers = new() { Layers = ["chaos-lambda-extension", "other"] };

    private readonly ConfigurationLedger _ledger = new();
    private readonly List<string> _restores = [];

    [Fact]
    public async Task UndoAsync_SeveralFunctions_LastChangedFirst_EachToItsConfigurationBeforeTheRun()
    {
        _ledger.Record(Change("us-east-1/a", Plain, WithLayer));
        _ledger.Record(Change("us-east-1/b", Plain, WithLayer));
        _ledger.Record(Change("us-east-1/a", WithLayer, WithTwoLayers));
        _ledger.Record(Change("eu-west-1/c", Plain, WithLayer));

        await _ledger.UndoAsync(Restore, (_, _) => { }, (f, ex) => Assert.Fail($"{f}: {ex.Message}"));

        Assert.Equal(["eu-west-1/c <- []", "us-east-1/b <- []", "us-east-1/a <- []"], _restores);
        Assert.False(_ledger.HasChanges);
    }

    [Fact]
    public async Task UndoAsync_Twice_SecondRestoresNothing()
    {
        _ledger.Record(Change("us-east-1/a", Plain, WithLayer));
        var restored = new List<string>();

        await _ledger.UndoAsync(Restore, (f, _) => restored.Add(f), (_, _) => { });
        await _ledger.UndoAsync(Restore, (f, _) => restored.Add(f), (_, _) => { });

        Assert.Equal(["us-east-1/a <- []"], _restores);
        Assert.Equal(["us-east-1/a"], restored);
    }

    [Fact]
    public async Task UndoAsync_ChangedBackByTheRunItself_NothingToRestore()
    {
        _ledger.Record(Change("us-east-1/a", Plain, WithLayer));
        _ledger.Record(Change("us-east-1/a", WithLayer, Plain));

        await _ledger.UndoAsync(Restore, (_, _) => { }, (_, _) => { });

        Assert.Empty(_restores);
        Assert.False(_ledger.HasChanges);
        Assert.Equal(["us-east-1/a"], _ledger.Functions);
    }

    [Fact]
    public async Task UndoAsync_OneRestoreFails_OthersRestored_AndTheFailedOneStaysToUndo()
    {
        _ledger.Record(Change("us-east-1/a", Plain, WithLayer));
        _ledger.Record(Change("us-east-1/b", Plain, WithLayer));
        var failed = new List<string>();

        await _ledger.UndoAsync(
            (f, c) => f == "us-east-1/b" ? throw new InvalidOperationException("the lab is gone") : Restore(f, c),
            (_, _) => { },
            (f, ex) => failed.Add($"{f}: {ex.Message}"));

        Assert.Equal(["us-east-1/b: the lab is gone"], failed);
        Assert.Equal(["us-east-1/a <- []"], _restores);
        Assert.True(_ledger.HasChanges);
        Assert.Equal([("us-east-1/b", Plain)], _ledger.ToUndo());
    }

    private static ConfigurationChange Change(string function, FunctionConfiguration before, FunctionConfiguration after) =>
        new() { Function = function, Before = before, After = after };

    private Task<ConfigurationChange> Restore(string function, FunctionConfiguration configuration)
    {
        _restores.Add($"{function} <- [{string.Join(", ", configuration.Layers)}]");
        return Task.FromResult(Change(function, WithLayer, configuration));
    }
}
