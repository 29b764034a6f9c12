package dev.sheepdog.domain.port.out;

class InMemoryKeyStoreContractTest extends KeyStoreContract {

    @Override
    protected KeyStore createStore() {
        return new InMemoryKeyStore();
    }
}
