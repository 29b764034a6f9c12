package dev.sheepdog.adapter.out.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An instant in two columns, since PostgreSQL keeps microseconds and the stores promise nanoseconds:
 * {@code x timestamptz} to the microsecond, and {@code x_nanos smallint} for the 0-999 nanoseconds past it.
 * Compared as a pair: {@code (x, x_nanos) >= (?, ?)}.
 */
final class Instants {

    // Within what timestamptz holds and the driver writes without eras; open query ranges are clamped to it.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Instants() {
    }

    /** Binds the instant to parameters {@code index} (the microseconds) and {@code index + 1} (the rest). */
    static void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
        Instant clamped = instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
        // Truncated here: the driver would round to the nearest microsecond, and the rest would count twice.
        Instant micros = clamped.truncatedTo(ChronoUnit.MICROS);
        statement.setObject(index, OffsetDateTime.ofInstant(micros, ZoneOffset.UTC));
        statement.setShort(index + 1, (short) (clamped.getNano() % 1_000));
    }

    /** Binds an absent instant as two NULLs. */
    static void bind(PreparedStatement statement, int index, Optional<Instant> instant) throws SQLException {
        if (instant.isPresent()) {
            bind(statement, index, instant.get());
        } else {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setNull(index + 1, Types.SMALLINT);
        }
    }

    /** The instant in {@code column} and {@code column_nanos}; empty when NULL. */
    static Optional<Instant> read(ResultSet row, String column) throws SQLException {
        OffsetDateTime micros = row.getObject(column, OffsetDateTime.class);
        if (micros == null) {
            return Optional.empty();
        }
        return Optional.of(micros.toInstant().plusNanos(row.getShort(column + "_nanos")));
    }
}
