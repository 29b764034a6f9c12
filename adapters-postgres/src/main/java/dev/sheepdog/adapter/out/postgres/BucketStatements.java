package dev.sheepdog.adapter.out.postgres;

/**
 * The SQL of the token buckets in {@code limit_bucket}. A take is one upsert whose update applies only when
 * the refilled bucket holds enough: the row lock it takes makes the check and the take one step, for every
 * instance. The time is the database's ({@code clock_timestamp()}) unless a test binds its own.
 */
final class BucketStatements {

    /** Units per token: an allowance of N a minute refills N units a microsecond. */
    static final long UNITS_PER_TOKEN = 60_000_000L;

    private static final String NOW = "coalesce(?::timestamptz, clock_timestamp())";
    private static final String REFILLED =
            "sheepdog_bucket_units(b.units, b.per_minute, b.updated_at, excluded.per_minute, excluded.updated_at)";

    /** Takes {@code amount} units when the bucket holds at least {@code amount}; a row back means taken. */
    static final String TAKE = "INSERT INTO limit_bucket AS b (account, kind, per_minute, units, updated_at)"
            + " VALUES (?, ?, ?, ?::bigint * " + UNITS_PER_TOKEN + " - ?::bigint, " + NOW + ")"
            + " ON CONFLICT (account, kind) DO UPDATE SET units = " + REFILLED + " - ?::bigint,"
            + " per_minute = excluded.per_minute, updated_at = greatest(b.updated_at, excluded.updated_at)"
            + " WHERE " + REFILLED + " >= ?::bigint"
            + " RETURNING units";

    /** Takes {@code amount} units whatever the bucket holds, into debt if need be. */
    static final String SPEND = "INSERT INTO limit_bucket AS b (account, kind, per_minute, units, updated_at)"
            + " VALUES (?, ?, ?, ?::bigint * " + UNITS_PER_TOKEN + " - ?::bigint, " + NOW + ")"
            + " ON CONFLICT (account, kind) DO UPDATE SET units = " + REFILLED + " - ?::bigint,"
            + " per_minute = excluded.per_minute, updated_at = greatest(b.updated_at, excluded.updated_at)"
            + " RETURNING units";

    /** What the bucket holds now for an allowance of {@code per_minute}, taking nothing; no row when never used. */
    static final String UNITS = "SELECT sheepdog_bucket_units(units, per_minute, updated_at, ?, " + NOW + ")"
            + " FROM limit_bucket WHERE account = ? AND kind = ?";

    private BucketStatements() {
    }
}
