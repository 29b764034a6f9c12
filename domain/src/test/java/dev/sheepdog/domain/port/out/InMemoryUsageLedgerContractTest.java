package dev.sheepdog.domain.port.out;

class InMemoryUsageLedgerContractTest extends UsageLedgerContract {

    @Override
    protected UsageLedger createLedger() {
        return new InMemoryUsageLedger();
    }
}
