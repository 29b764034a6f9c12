package dev.sheepdog.adapter.out.callerstore;

import dev.sheepdog.domain.port.out.UsageLedger;
import dev.sheepdog.domain.port.out.UsageLedgerContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class H2UsageLedgerContractTest extends UsageLedgerContract {

    @TempDir
    Path directory;

    private CallerDatabase database;

    @Override
    protected UsageLedger createLedger() {
        database = CallerDatabase.open(directory);
        return database.usageLedger();
    }

    @Override
    protected UsageLedger reopen(UsageLedger current) {
        database.close();
        return createLedger();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }
}
