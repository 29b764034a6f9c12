package dev.sheepdog.adapter.out.routestore;

import dev.sheepdog.support.files.DataFiles;
import java.nio.file.Path;

/** The route store's file in a data directory; {@link DataFiles} reads it. */
final class RouteFiles {

    private RouteFiles() {
    }

    /** Where the store keeps its file, as the store names it in messages: symbolic links resolved. */
    static Path routesJson(Path directory) {
        return DataFiles.fileIn(directory, FileRouteStore.FILE_NAME);
    }
}
