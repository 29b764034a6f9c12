package dev.sheepdog.adapter.out.postgres;

import static dev.sheepdog.domain.port.out.UsageLedgerContract.T0;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A budget check reads each account's daily totals, which the database keeps as records come and go,
 * whoever writes them: an older gateway's plain INSERT, or an operator's DELETE.
 */
@ExtendWith(PostgresExtension.class)
class DailySpendTest {

    private static final String ALICE = "client:cl_00000000a11c";

    private final TestDatabase database;
    private PostgresDatabase opened;

    DailySpendTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void open() {
        opened = Databases.openEmptied(database);
    }

    @AfterEach
    void close() {
        opened.close();
    }

    @Test
    void recordsWrittenByAnyWriterAreInTheDailyTotals() {
        opened.usageLedger().record(usage(T0.plusSeconds(60), ALICE, "m", "0.25"));
        Databases.execute(database, "INSERT INTO usage_record (recorded_at, recorded_at_nanos, account, caller_kind,"
                + " caller_name, model, input_tokens, output_tokens, estimated, cost_usd, outcome) VALUES"
                + " ('" + T0.plusSeconds(120) + "', 0, '" + ALICE + "', 'CLIENT', 'old gateway', 'm', 1, 1, false,"
                + " 0.5, 'COMPLETED')");

        assertThat(opened.usageLedger().spentSince(ALICE, T0)).isEqualByComparingTo("0.75");
        assertThat(dailyTotal()).isEqualTo("0.75");
    }

    @Test
    void aDeletedRecordLeavesTheTotalsAndATruncatedLedgerEmptiesThem() {
        opened.usageLedger().record(usage(T0.plusSeconds(60), ALICE, "m", "0.25"));
        opened.usageLedger().record(usage(T0.plusSeconds(61), ALICE, "m", "0.5"));

        Databases.execute(database, "DELETE FROM usage_record WHERE cost_usd = 0.5");
        assertThat(opened.usageLedger().spentSince(ALICE, T0)).isEqualByComparingTo("0.25");

        Databases.execute(database, "TRUNCATE usage_record");
        assertThat(opened.usageLedger().spentSince(ALICE, T0)).isEqualByComparingTo("0");
    }

    private String dailyTotal() {
        try (var connection = Databases.connect(database);
             var row = connection.createStatement().executeQuery("SELECT usd::text FROM usage_spend")) {
            row.next();
            return row.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
