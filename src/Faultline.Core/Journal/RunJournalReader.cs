using System.Text.Json;
using Faultline.Core.Experiments;
using Faultline.Core.Host;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Microsoft.Data.Sqlite;

namespace Faultline.Core.Journal;

/// <summary>Reads a journal back, complete or partial (a killed run, or one still running).</summary>
public static class RunJournalReader
{
    /// <summary>
    /// Reads everything in the journal at <paramref name="path"/>. Safe while the run still writes it (WAL readers
    /// see the last commit). A journal left by a killed run is recovered by SQLite on open.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a Faultline journal, or is of a newer schema.</exception>
    public static RunJournalContents Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException(JournalErrors.NotAJournal(full, "the file does not exist"), full);
        }

        // Read-write (never create): SQLite needs to write the WAL index to recover a killed writer's WAL.
        using var connection = RunJournal.Connect(full, SqliteOpenMode.ReadWrite);
        try
        {
            // One read transaction: a consistent snapshot even while the run keeps writing.
            using var transaction = connection.BeginTransaction(deferred: true);
            var version = Scalar<long>(connection, "PRAGMA user_version");
            if (version != JournalSchema.Version)
            {
                throw new InvalidDataException(JournalErrors.NotAJournal(full, $"schema version {version}, this Faultline reads {JournalSchema.Version}"));
            }

            var problems = new List<string>();
            var (header, phasesJson, finalState, completedAt) = ReadRun(connection, full);
            var events = ReadEvents(connection, problems);
            var traffic = ReadSeconds(connection, problems);
            var host = ReadHostSeconds(connection);
            var phases = ReadPhases(phasesJson, header, events, problems);
            return new RunJournalContents
            {
                Path = full,
                Header = header,
                Events = events,
                Traffic = traffic,
                Host = host,
                Phases = phases,
                FinalState = finalState,
                CompletedAt = completedAt,
                CheckResults = ReadCheckResults(connection),
                Verdict = ReadVerdict(connection),
                Problems = problems,
            };
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException(JournalErrors.NotAJournal(full, e.Message), e);
        }
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    private static (RunHeader Header, string? Phases, RunState? FinalState, DateTimeOffset? CompletedAt) ReadRun(SqliteConnection connection, string path)
    {
        // Journals written before the engine column are all live runs.
        var hasEngine = Scalar<long>(connection, "SELECT COUNT(*) FROM pragma_table_info('run') WHERE name = 'engine'") > 0;

        // Journals written before the wall-time column have no wall time (result.json then omits wall times).
        var wall = HasColumn(connection, "run", JournalSchema.WallStartedAtColumn) ? JournalSchema.WallStartedAtColumn : "NULL";
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT run_id, experiment_path, experiment_text, topology_path, topology_text, seed, time_scale, started_at, tool_version,
                   phases, final_state, completed_at, {(hasEngine ? "engine" : "'live'")}, {wall}
            FROM run WHERE id = 1
            """;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidDataException(JournalErrors.NotAJournal(path, "it has no run header"));
        }

        var header = new RunHeader
        {
            RunId = reader.GetString(0),
            ExperimentPath = reader.GetString(1),
            ExperimentText = reader.GetString(2),
            TopologyPath = reader.GetString(3),
            TopologyText = reader.GetString(4),
            Seed = reader.GetInt32(5),
            TimeScale = reader.GetDouble(6),
            StartedAt = JournalSchema.ParseTime(reader.GetString(7)),
            ToolVersion = reader.GetString(8),
            Engine = reader.GetString(12),
            WallStartedAt = reader.IsDBNull(13) ? null : JournalSchema.ParseTime(reader.GetString(13)),
        };
        var phases = reader.IsDBNull(9) ? null : reader.GetString(9);
        RunState? finalState = reader.IsDBNull(10) ? null : JsonSerializer.Deserialize<RunState>($"\"{reader.GetString(10)}\"", JournalJson.Options);
        DateTimeOffset? completedAt = reader.IsDBNull(11) ? null : JournalSchema.ParseTime(reader.GetString(11));
        return (header, phases, finalState, completedAt);
    }

    private static List<RunEvent> ReadEvents(SqliteConnection connection, List<string> problems)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, type, json FROM events ORDER BY seq";
        using var reader = command.ExecuteReader();
        var events = new List<RunEvent>();
        while (reader.Read())
        {
            try
            {
                var runEvent = JsonSerializer.Deserialize<RunEvent>(reader.GetString(2), JournalJson.Options);
                if (runEvent is not null)
                {
                    events.Add(runEvent);
                }
            }
            catch (JsonException e)
            {
                problems.Add($"event {reader.GetInt64(0)} ({reader.GetString(1)}) skipped: {e.Message}");
            }
        }

        // Events from several threads can be journaled slightly out of lab-time order; the sort is stable.
        return events.OrderBy(e => e.At).ToList();
    }

    private static List<HostSecond> ReadHostSeconds(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{JournalSchema.HostSecondsTable}'";
        if (command.ExecuteScalar() is null)
        {
            return [];
        }

        command.CommandText = $"SELECT start, lateness_us, samples FROM {JournalSchema.HostSecondsTable} ORDER BY start";
        using var reader = command.ExecuteReader();
        var seconds = new List<HostSecond>();
        while (reader.Read())
        {
            seconds.Add(new HostSecond
            {
                Start = JournalSchema.ParseTime(reader.GetString(0)),
                Lateness = TimeSpan.FromMicroseconds(reader.GetInt64(1)),
                Samples = (int)reader.GetInt64(2),
            });
        }

        return seconds;
    }

    private static List<LoadSecond> ReadSeconds(SqliteConnection connection, List<string> problems)
    {
        var counters = JournalSchema.CounterColumns;

        // Journals written before the overdue column existed read back with 0.
        var overdue = HasColumn(connection, "seconds", JournalSchema.OverdueColumn) ? JournalSchema.OverdueColumn : "0";

        // Journals written before status codes were kept read back with none (the classes are still there).
        var codes = HasColumn(connection, "seconds", JournalSchema.StatusCodesColumn) ? JournalSchema.StatusCodesColumn : "'{}'";
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT population, idx, url, start, regions, latency, send_lag, {overdue}, {codes}, {string.Join(", ", counters)} FROM seconds ORDER BY start, population, idx";
        using var reader = command.ExecuteReader();
        var seconds = new List<LoadSecond>();
        var values = new long[counters.Length];
        while (reader.Read())
        {
            var population = reader.GetString(0);
            var index = reader.GetInt64(1);
            try
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.GetInt64(9 + i);
                }

                var regions = JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(4), JournalJson.Options) ?? [];
                var statusCodes = JsonSerializer.Deserialize<Dictionary<int, long>>(reader.GetString(8), JournalJson.Options) ?? [];
                var stats = LoadStats.Restore(
                    values, regions, HistogramCodec.Decode(reader.GetFieldValue<byte[]>(5)), HistogramCodec.Decode(reader.GetFieldValue<byte[]>(6)), statusCodes);
                seconds.Add(new LoadSecond
                {
                    Population = population,
                    Index = index,
                    Url = new Uri(reader.GetString(2), UriKind.RelativeOrAbsolute),
                    Start = JournalSchema.ParseTime(reader.GetString(3)),
                    Stats = stats,
                    Overdue = reader.GetInt64(7),
                });
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or InvalidDataException or EndOfStreamException)
            {
                problems.Add($"second {index} of {population} skipped: {e.Message}");
            }
        }

        return seconds;
    }

    private static bool HasColumn(SqliteConnection connection, string table, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = $column";
        command.Parameters.AddWithValue("$column", column);
        return (long)command.ExecuteScalar()! > 0;
    }

    private static PhaseTimes ReadPhases(string? json, RunHeader header, List<RunEvent> events, List<string> problems)
    {
        if (json is not null)
        {
            try
            {
                var stored = JsonSerializer.Deserialize<PhaseTimes>(json, JournalJson.Options);
                if (stored is not null)
                {
                    return stored;
                }
            }
            catch (JsonException e)
            {
                problems.Add($"stored phases skipped, derived from events instead: {e.Message}");
            }
        }

        DateTimeOffset? Started(Phase phase) => events.OfType<PhaseStarted>().FirstOrDefault(p => p.Phase == phase)?.At;
        return new PhaseTimes
        {
            RunStart = Started(Phase.Baseline) ?? header.StartedAt,
            FaultStart = Started(Phase.Fault),
            FaultEnd = Started(Phase.Recovery),
            RunEnd = events.OfType<RunStateChanged>().LastOrDefault(e => IsFinal(e.State))?.At,
        };
    }

    private static bool IsFinal(RunState state) => state is RunState.Completed or RunState.Stopped or RunState.Failed or RunState.Cancelled;

    private static Dictionary<string, JsonElement> ReadCheckResults(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT stage, json FROM check_results ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var results = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        while (reader.Read())
        {
            using var document = JsonDocument.Parse(reader.GetString(1));
            results[reader.GetString(0)] = document.RootElement.Clone();
        }

        return results;
    }

    private static JsonElement? ReadVerdict(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM verdict WHERE id = 1";
        if (command.ExecuteScalar() is not string json)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
