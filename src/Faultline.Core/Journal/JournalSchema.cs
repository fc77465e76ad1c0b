using System.Globalization;

namespace Faultline.Core.Journal;

/// <summary>
/// The journal's SQLite schema. Times are UTC lab times as fixed-width ISO-8601 text (sortable, readable in the
/// <c>sqlite3</c> shell); JSON columns hold <see cref="JournalJson.Options"/> text.
/// </summary>
internal static class JournalSchema
{
    /// <summary>The schema version, stored in <c>PRAGMA user_version</c>; bump on any incompatible change.</summary>
    public const int Version = 1;

    /// <summary>The tables. <c>run</c> has one row; <c>completed_at</c>/<c>final_state</c> stay NULL until the run completes, which is how a killed run is told apart.</summary>
    public const string Create = """
        CREATE TABLE run (
            id              INTEGER PRIMARY KEY CHECK (id = 1),
            run_id          TEXT    NOT NULL,
            experiment_path TEXT    NOT NULL,
            experiment_text TEXT    NOT NULL,
            topology_path   TEXT    NOT NULL,
            topology_text   TEXT    NOT NULL,
            seed            INTEGER NOT NULL,
            time_scale      REAL    NOT NULL,
            started_at      TEXT    NOT NULL,
            tool_version    TEXT    NOT NULL,
            phases          TEXT,
            final_state     TEXT,
            completed_at    TEXT,
            engine          TEXT    NOT NULL DEFAULT 'live',
            wall_started_at TEXT
        );
        CREATE TABLE events (
            seq   INTEGER PRIMARY KEY,
            at    TEXT    NOT NULL,
            type  TEXT    NOT NULL,
            audit INTEGER NOT NULL,
            json  TEXT    NOT NULL
        );
        CREATE INDEX events_at ON events (at);
        CREATE TABLE seconds (
            population     TEXT    NOT NULL,
            idx            INTEGER NOT NULL,
            url            TEXT    NOT NULL,
            start          TEXT    NOT NULL,
            sent           INTEGER NOT NULL,
            responses      INTEGER NOT NULL,
            status_2xx     INTEGER NOT NULL,
            status_3xx     INTEGER NOT NULL,
            status_4xx     INTEGER NOT NULL,
            status_5xx     INTEGER NOT NULL,
            connect_errors INTEGER NOT NULL,
            dns_errors     INTEGER NOT NULL,
            timeouts       INTEGER NOT NULL,
            other_errors   INTEGER NOT NULL,
            late_sends     INTEGER NOT NULL,
            dropped_sends  INTEGER NOT NULL,
            regions        TEXT    NOT NULL,
            latency        BLOB    NOT NULL,
            send_lag       BLOB    NOT NULL,
            overdue        INTEGER NOT NULL DEFAULT 0,
            status_codes   TEXT    NOT NULL DEFAULT '{}',
            PRIMARY KEY (population, idx)
        );
        CREATE INDEX seconds_start ON seconds (start);
        CREATE TABLE host_seconds (
            start       TEXT    PRIMARY KEY,
            lateness_us INTEGER NOT NULL,
            samples     INTEGER NOT NULL
        );
        CREATE TABLE check_results (
            stage TEXT PRIMARY KEY,
            json  TEXT NOT NULL
        );
        CREATE TABLE verdict (
            id   INTEGER PRIMARY KEY CHECK (id = 1),
            json TEXT NOT NULL
        );
        """;

    /// <summary>
    /// The host-timing table, added without a version bump: journals written before it read back with no host
    /// measurements (see <c>RunJournalReader</c>).
    /// </summary>
    public const string HostSecondsTable = "host_seconds";

    /// <summary>The counter columns of <c>seconds</c>, in the order <c>LoadStats.Restore</c> takes them.</summary>
    public static readonly string[] CounterColumns =
    [
        "sent", "responses", "status_2xx", "status_3xx", "status_4xx", "status_5xx",
        "connect_errors", "dns_errors", "timeouts", "other_errors", "late_sends", "dropped_sends",
    ];

    /// <summary>
    /// The column of <c>seconds</c> holding <c>LoadSecond.Overdue</c>. Added without a version bump: journals written
    /// before it lack the column and read back with 0, and older readers never ask for it.
    /// </summary>
    public const string OverdueColumn = "overdue";

    /// <summary>
    /// The column of <c>seconds</c> holding <c>LoadStats.StatusCodes</c> as a JSON object (<c>{"200":118,"429":2}</c>).
    /// Added without a version bump: journals written before it lack the column and read back with no codes.
    /// </summary>
    public const string StatusCodesColumn = "status_codes";

    /// <summary>
    /// The column of <c>run</c> holding <c>RunHeader.WallStartedAt</c>; NULL for a simulated run. Added without a version
    /// bump: journals written before it read back with no wall time.
    /// </summary>
    public const string WallStartedAtColumn = "wall_started_at";

    /// <summary>A lab time as stored: UTC, fixed width, 100 ns precision.</summary>
    public static string FormatTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a time written by <see cref="FormatTime"/>.</summary>
    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
