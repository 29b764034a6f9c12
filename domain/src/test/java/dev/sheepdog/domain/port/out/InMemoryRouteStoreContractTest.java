package dev.sheepdog.domain.port.out;

class InMemoryRouteStoreContractTest extends RouteStoreContract {

    @Override
    protected RouteStore createStore() {
        return new InMemoryRouteStore();
    }
}
