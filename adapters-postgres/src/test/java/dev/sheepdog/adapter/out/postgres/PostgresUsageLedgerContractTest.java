package dev.sheepdog.adapter.out.postgres;

import dev.sheepdog.domain.port.out.UsageLedger;
import dev.sheepdog.domain.port.out.UsageLedgerContract;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresUsageLedgerContractTest extends UsageLedgerContract {

    private final TestDatabase database;
    private PostgresDatabase opened;

    PostgresUsageLedgerContractTest(TestDatabase database) {
        this.database = database;
    }

    @Override
    protected UsageLedger createLedger() {
        opened = Databases.openEmptied(database);
        return opened.usageLedger();
    }

    @Override
    protected UsageLedger reopen(UsageLedger current) {
        opened.close();
        opened = Databases.open(database);
        return opened.usageLedger();
    }

    @AfterEach
    void closeTheDatabase() {
        opened.close();
    }
}
