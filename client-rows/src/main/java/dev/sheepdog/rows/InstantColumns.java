package dev.sheepdog.rows;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** How one database writes and reads an instant: in one column, or in more where it keeps less precision. */
public interface InstantColumns {

    /** Binds the instant (NULL when absent) from parameter {@code index} on; the next free parameter. */
    int bind(PreparedStatement statement, int index, Optional<Instant> instant) throws SQLException;

    /** The instant stored under {@code column}; empty when NULL. */
    Optional<Instant> read(ResultSet row, String column) throws SQLException;
}
