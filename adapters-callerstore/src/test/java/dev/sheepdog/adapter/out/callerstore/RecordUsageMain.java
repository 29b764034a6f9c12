package dev.sheepdog.adapter.out.callerstore;

import static dev.sheepdog.domain.port.out.UsageLedgerContract.T0;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.usage;

import java.nio.file.Path;

/**
 * Another process for the crash test: opens the caller database in {@code args[0]}, prints {@code opened},
 * then records usage of model {@code m<i>} for i = 0, 1, ... and prints {@code recorded <i>} after each
 * returned, until it is killed.
 */
public final class RecordUsageMain {

    static final String OPENED_LINE = "opened";
    static final String RECORDED = "recorded ";
    static final String ACCOUNT = "client:cl_0000000c4a54";

    private RecordUsageMain() {
    }

    public static void main(String[] args) {
        CallerDatabase database = CallerDatabase.open(Path.of(args[0]));
        System.out.println(OPENED_LINE);
        System.out.flush();
        for (int i = 0; ; i++) {
            database.usageLedger().record(usage(T0.plusMillis(i), ACCOUNT, "m" + i, "0.001"));
            System.out.println(RECORDED + i);
            System.out.flush();
        }
    }
}
