using System.Text.Json;
using Faultline.Core.Host;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Microsoft.Data.Sqlite;

namespace Faultline.Core.Journal;

/// <summary>
/// A run's journal: one SQLite file written as the run goes (events, per-second load, check results, verdict),
/// so a killed run still leaves a readable, partial journal. Read it back with <see cref="RunJournalReader"/>.
/// </summary>
/// <remarks>
/// <para><b>Durability.</b> The file is in WAL mode with <c>synchronous=FULL</c>, and every call commits before it
/// returns: an event is on disk when <see cref="AppendEvent"/> returns, a batch of seconds when
/// <see cref="AppendSeconds"/> returns. A SIGKILL therefore loses only what was not yet handed to the journal (at
/// most the second being aggregated) and never a fault applied/reverted, configuration change or run problem; audit-class
/// events are retried before they are reported lost.</para>
/// <para><b>Threads.</b> Every member is thread-safe; writes are serialized on one connection.</para>
/// <para><b>Failures.</b> Only <see cref="Create"/> throws. Every later write that fails is counted in
/// <see cref="FailedWrites"/> and reported to the failure callback, never thrown into the run.</para>
/// </remarks>
public sealed class RunJournal : IDisposable
{
    /// <summary>How many times an audit-class write is attempted before it is reported lost: 3.</summary>
    public const int AuditAttempts = 3;

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Action<JournalWriteFailure>? _onFailure;
    private readonly Lock _lock = new();
    private long _failedWrites;
    private bool _disposed;

    private RunJournal(string path, RunHeader header, SqliteConnection connection, TimeProvider time, Action<JournalWriteFailure>? onFailure)
    {
        Path = path;
        Header = header;
        _connection = connection;
        _time = time;
        _onFailure = onFailure;
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>The header written at creation.</summary>
    public RunHeader Header { get; }

    /// <summary>How many writes failed (each was reported to the failure callback).</summary>
    public long FailedWrites => Interlocked.Read(ref _failedWrites);

    /// <summary>Whether <see cref="Complete"/> has been recorded.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>
    /// Creates a new journal file at <paramref name="path"/> (its folder is created if needed) and writes the header.
    /// Fails fast: throws when the file already exists or cannot be created, before the run touches anything.
    /// </summary>
    /// <param name="path">The journal file, usually <see cref="RunDirectory.JournalPath"/>.</param>
    /// <param name="header">What the run was started with.</param>
    /// <param name="time">The lab clock, for the completion time.</param>
    /// <param name="onFailure">Called (on the writing thread) for each write that failed; exceptions it throws are swallowed. Default: none.</param>
    /// <param name="durable">
    /// Default <c>true</c>: <c>synchronous=FULL</c> as described above. <c>false</c> (simulated runs, which a rerun
    /// reproduces byte for byte) leaves flushing to the operating system: a crash of the machine may lose the journal's
    /// tail, a crash of the process does not.
    /// </param>
    public static RunJournal Create(string path, RunHeader header, TimeProvider time, Action<JournalWriteFailure>? onFailure = null, bool durable = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(time);
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new IOException(JournalErrors.AlreadyExists(full));
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connection = Connect(full, SqliteOpenMode.ReadWriteCreate);
        try
        {
            Execute(connection, durable ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;" : "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
            using (var transaction = connection.BeginTransaction())
            {
                Execute(connection, JournalSchema.Create + $"PRAGMA user_version={JournalSchema.Version};");
                using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO run (id, run_id, experiment_path, experiment_text, topology_path, topology_text, seed, time_scale, started_at, tool_version, engine, wall_started_at)
                    VALUES (1, $runId, $experimentPath, $experimentText, $topologyPath, $topologyText, $seed, $timeScale, $startedAt, $toolVersion, $engine, $wallStartedAt)
                    """;
                insert.Parameters.AddWithValue("$runId", header.RunId);
                insert.Parameters.AddWithValue("$experimentPath", header.ExperimentPath);
                insert.Parameters.AddWithValue("$experimentText", header.ExperimentText);
                insert.Parameters.AddWithValue("$topologyPath", header.TopologyPath);
                insert.Parameters.AddWithValue("$topologyText", header.TopologyText);
                insert.Parameters.AddWithValue("$seed", header.Seed);
                insert.Parameters.AddWithValue("$timeScale", header.TimeScale);
                insert.Parameters.AddWithValue("$startedAt", JournalSchema.FormatTime(header.StartedAt));
                insert.Parameters.AddWithValue("$toolVersion", header.ToolVersion);
                insert.Parameters.AddWithValue("$engine", header.Engine);
                insert.Parameters.AddWithValue("$wallStartedAt", header.WallStartedAt is { } wall ? JournalSchema.FormatTime(wall) : DBNull.Value);
                insert.ExecuteNonQuery();
                transaction.Commit();
            }

            return new RunJournal(full, header, connection, time, onFailure);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether an event is audit-class: a fault applied or reverted, a configuration change, or a run problem.</summary>
    public static bool IsAudit(RunEvent runEvent) => runEvent is FaultAppliedEvent or FaultRevertedEvent or ConfigurationChanged or RunProblem;

    /// <summary>Appends an event (committed before this returns). Audit-class events are retried up to <see cref="AuditAttempts"/> times.</summary>
    public void AppendEvent(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        var audit = IsAudit(runEvent);
        string json;
        string type;
        try
        {
            json = JsonSerializer.Serialize(runEvent, JournalJson.Options);
            type = EventType(json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            Fail($"event {runEvent.GetType().Name}", audit, e);
            return;
        }

        Write($"event {type}", audit, connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO events (at, type, audit, json) VALUES ($at, $type, $audit, $json)";
            command.Parameters.AddWithValue("$at", JournalSchema.FormatTime(runEvent.At));
            command.Parameters.AddWithValue("$type", type);
            command.Parameters.AddWithValue("$audit", audit ? 1 : 0);
            command.Parameters.AddWithValue("$json", json);
            command.ExecuteNonQuery();
        });
    }

    /// <summary>
    /// Appends finished seconds in one transaction (committed before this returns). A second already journaled
    /// for the same population and index is replaced.
    /// </summary>
    public void AppendSeconds(IEnumerable<LoadSecond> seconds)
    {
        ArgumentNullException.ThrowIfNull(seconds);
        List<EncodedSecond> rows;
        try
        {
            // Enumerate and encode outside the lock: the caller's enumerable may be slow or may itself append events.
            rows = seconds.Select(Encode).ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fail("seconds", audit: false, e);
            return;
        }

        if (rows.Count == 0)
        {
            return;
        }

        Write("seconds", audit: false, connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            var counters = JournalSchema.CounterColumns;
            command.CommandText =
                $"INSERT OR REPLACE INTO seconds (population, idx, url, start, {string.Join(", ", counters)}, regions, latency, send_lag, {JournalSchema.OverdueColumn}, {JournalSchema.StatusCodesColumn}) " +
                $"VALUES ($population, $idx, $url, $start, {string.Join(", ", counters.Select(c => "$" + c))}, $regions, $latency, $sendLag, $overdue, $statusCodes)";
            var population = command.Parameters.Add("$population", SqliteType.Text);
            var index = command.Parameters.Add("$idx", SqliteType.Integer);
            var url = command.Parameters.Add("$url", SqliteType.Text);
            var start = command.Parameters.Add("$start", SqliteType.Text);
            var counterParameters = counters.Select(c => command.Parameters.Add("$" + c, SqliteType.Integer)).ToArray();
            var regions = command.Parameters.Add("$regions", SqliteType.Text);
            var latency = command.Parameters.Add("$latency", SqliteType.Blob);
            var sendLag = command.Parameters.Add("$sendLag", SqliteType.Blob);
            var overdue = command.Parameters.Add("$overdue", SqliteType.Integer);
            var statusCodes = command.Parameters.Add("$statusCodes", SqliteType.Text);
            foreach (var row in rows)
            {
                population.Value = row.Second.Population;
                index.Value = row.Second.Index;
                url.Value = row.Second.Url.OriginalString;
                start.Value = JournalSchema.FormatTime(row.Second.Start);
                for (var i = 0; i < counterParameters.Length; i++)
                {
                    counterParameters[i].Value = row.Counters[i];
                }

                regions.Value = row.Regions;
                latency.Value = row.Latency;
                sendLag.Value = row.SendLag;
                overdue.Value = row.Second.Overdue;
                statusCodes.Value = row.StatusCodes;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        });
    }

    /// <summary>Appends lab seconds of host timing in one transaction; a second already journaled is replaced.</summary>
    public void AppendHostSeconds(IEnumerable<HostSecond> seconds)
    {
        ArgumentNullException.ThrowIfNull(seconds);
        var rows = seconds.ToList();
        if (rows.Count == 0)
        {
            return;
        }

        Write("host seconds", audit: false, connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.CommandText = $"INSERT OR REPLACE INTO {JournalSchema.HostSecondsTable} (start, lateness_us, samples) VALUES ($start, $lateness, $samples)";
            var start = command.Parameters.Add("$start", SqliteType.Text);
            var lateness = command.Parameters.Add("$lateness", SqliteType.Integer);
            var samples = command.Parameters.Add("$samples", SqliteType.Integer);
            foreach (var row in rows)
            {
                start.Value = JournalSchema.FormatTime(row.Start);
                lateness.Value = (long)row.Lateness.TotalMicroseconds;
                samples.Value = row.Samples;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        });
    }

    /// <summary>Records the phases' edges as the runner knows them (replaces what was recorded before). Without it, the reader derives them from <see cref="PhaseStarted"/> events.</summary>
    public void WritePhases(PhaseTimes phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        WriteJson("phases", phases, "UPDATE run SET phases = $json WHERE id = 1");
    }

    /// <summary>
    /// Stores check results as JSON under a stage name (e.g. <c>steady-state</c>, <c>final</c>), replacing earlier
    /// results of the same stage. <typeparamref name="T"/> is anything <see cref="JournalJson.Options"/> serializes,
    /// including a <see cref="JsonElement"/>.
    /// </summary>
    public void WriteCheckResults<T>(string stage, T results)
    {
        ArgumentException.ThrowIfNullOrEmpty(stage);
        WriteJson($"check results {stage}", results, "INSERT INTO check_results (stage, json) VALUES ($stage, $json) ON CONFLICT (stage) DO UPDATE SET json = excluded.json", ("$stage", stage));
    }

    /// <summary>Stores the verdict as JSON, replacing an earlier one.</summary>
    public void WriteVerdict<T>(T verdict) =>
        WriteJson("verdict", verdict, "INSERT OR REPLACE INTO verdict (id, json) VALUES (1, $json)");

    /// <summary>Marks the journal finished with the run's final state; a journal never completed reads back as partial.</summary>
    public void Complete(RunState finalState)
    {
        var completedAt = JournalSchema.FormatTime(_time.GetUtcNow());
        var state = JsonSerializer.Serialize(finalState, JournalJson.Options).Trim('"');
        Write("completion", audit: true, connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE run SET final_state = $state, completed_at = $at WHERE id = 1";
            command.Parameters.AddWithValue("$state", state);
            command.Parameters.AddWithValue("$at", completedAt);
            command.ExecuteNonQuery();
            IsCompleted = true;
        });
    }

    /// <summary>Closes the file (checkpointing the WAL into it). Writes after this are reported as failures.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _connection.Dispose();
        }
    }

    internal static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        // No pooling: the file is released when the journal is disposed, so the run folder can be moved or deleted.
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string EventType(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("type").GetString()!;
    }

    private static EncodedSecond Encode(LoadSecond second)
    {
        var stats = second.Stats;
        long[] counters =
        [
            stats.Sent, stats.Responses, stats.Status2xx, stats.Status3xx, stats.Status4xx, stats.Status5xx,
            stats.ConnectErrors, stats.DnsErrors, stats.Timeouts, stats.OtherErrors, stats.LateSends, stats.DroppedSends,
        ];
        var regions = JsonSerializer.Serialize(
            stats.Regions.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal),
            JournalJson.Options);
        var codes = JsonSerializer.Serialize(
            stats.StatusCodes.OrderBy(c => c.Key).ToDictionary(c => c.Key, c => c.Value),
            JournalJson.Options);
        return new EncodedSecond(second, counters, regions, HistogramCodec.Encode(stats.LatencyHistogram), HistogramCodec.Encode(stats.SendLagHistogram), codes);
    }

    private void WriteJson<T>(string operation, T value, string sql, params (string Name, string Value)[] parameters)
    {
        string json;
        try
        {
            json = JsonSerializer.Serialize(value, JournalJson.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            Fail(operation, audit: false, e);
            return;
        }

        Write(operation, audit: false, connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$json", json);
            foreach (var (name, parameterValue) in parameters)
            {
                command.Parameters.AddWithValue(name, parameterValue);
            }

            command.ExecuteNonQuery();
        });
    }

    private void Write(string operation, bool audit, Action<SqliteConnection> write)
    {
        var attempts = audit ? AuditAttempts : 1;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                lock (_lock)
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    write(_connection);
                }

                return;
            }
            catch (Exception e) when (e is SqliteException or ObjectDisposedException or InvalidOperationException or IOException)
            {
                if (attempt >= attempts || e is ObjectDisposedException)
                {
                    Fail(operation, audit, e);
                    return;
                }
            }
        }
    }

    private void Fail(string operation, bool audit, Exception exception)
    {
        Interlocked.Increment(ref _failedWrites);
        try
        {
            _onFailure?.Invoke(new JournalWriteFailure(operation, audit, exception));
        }
#pragma warning disable CA1031 // A failing failure callback must not break the run either.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Counted above; nothing more can be done.
        }
    }

    private sealed record EncodedSecond(LoadSecond Second, long[] Counters, string Regions, byte[] Latency, byte[] SendLag, string StatusCodes);
}
