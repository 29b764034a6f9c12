package dev.sheepdog.adapter.out.routestore;

import dev.sheepdog.domain.port.out.RouteStore;
import dev.sheepdog.domain.port.out.RouteStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileRouteStoreContractTest extends RouteStoreContract {

    @TempDir
    Path directory;

    @Override
    protected RouteStore createStore() {
        return new FileRouteStore(directory);
    }

    @Override
    protected RouteStore reopen(RouteStore current) {
        return createStore();
    }
}
