package dev.sheepdog.domain.port.out;

class InMemoryClientStoreContractTest extends ClientStoreContract {

    @Override
    protected ClientStore createStore() {
        return new InMemoryClientStore();
    }
}
