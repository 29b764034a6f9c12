package dev.sheepdog.adapter.out.routestore;

import static dev.sheepdog.domain.port.out.RouteStoreContract.PRIMARY;
import static dev.sheepdog.domain.port.out.RouteStoreContract.assertSameState;
import static dev.sheepdog.domain.port.out.RouteStoreContract.sampleState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.RouteStoreException;
import dev.sheepdog.support.files.DataFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRouteStoreCrashTest {

    private static final RouteState NEWER = new RouteState(Map.of(PRIMARY, EndpointRole.PRIMARY), 1.0, false, 0, 0,
            List.of());

    /** What a process dying between the durable temp file and the rename leaves: an exception nobody handles. */
    private static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash before the rename");
        }
    }

    @TempDir
    Path directory;

    @Test
    void aSaveCutShortBeforeTheRenameLeavesThePreviousStateLoadableAndItsTempFileIsRemovedAtTheNextOpen()
            throws IOException {
        new FileRouteStore(directory).save(sampleState());
        byte[] before = DataFiles.bytes(RouteFiles.routesJson(directory));
        FileRouteStore crashing = new FileRouteStore(directory, temp -> {
            throw new Crash();
        });

        assertThatThrownBy(() -> crashing.save(NEWER)).isInstanceOf(Crash.class);

        assertThat(DataFiles.bytes(RouteFiles.routesJson(directory))).isEqualTo(before);
        assertThat(DataFiles.tempFiles(directory)).hasSize(1);
        assertSameState(crashing.load(), sampleState());
        FileRouteStore restarted = new FileRouteStore(directory);
        assertThat(DataFiles.tempFiles(directory)).isEmpty();
        assertSameState(restarted.load(), sampleState());
    }

    @Test
    void aFirstSaveCutShortBeforeTheRenameLeavesNoStateAtAll() throws IOException {
        FileRouteStore crashing = new FileRouteStore(directory, temp -> {
            throw new Crash();
        });

        assertThatThrownBy(() -> crashing.save(sampleState())).isInstanceOf(Crash.class);

        assertThat(crashing.load()).isEmpty();
        assertThat(new FileRouteStore(directory).load()).isEmpty();
        assertThat(DataFiles.tempFiles(directory)).isEmpty();
    }

    @Test
    void aSaveThatFailsBeforeTheRenameSaysSoKeepsThePreviousStateAndRemovesItsTempFile() throws IOException {
        new FileRouteStore(directory).save(sampleState());
        byte[] before = DataFiles.bytes(RouteFiles.routesJson(directory));
        FileRouteStore failing = new FileRouteStore(directory, temp -> {
            throw new IOException("No space left on device");
        });

        assertThatThrownBy(() -> failing.save(NEWER))
                .isInstanceOf(RouteStoreException.class)
                .hasMessageContaining("cannot save the rollout state to " + RouteFiles.routesJson(directory))
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("it still holds the previous state");

        assertThat(DataFiles.tempFiles(directory)).isEmpty();
        assertThat(DataFiles.bytes(RouteFiles.routesJson(directory))).isEqualTo(before);
        assertSameState(failing.load(), sampleState());
    }

    @Test
    void aLeftoverTempFileIsIgnoredAndRemovedButOtherFilesOfTheDataDirectoryAreLeftAlone() throws IOException {
        new FileRouteStore(directory).save(sampleState());
        Path leftover = directory.resolve(FileRouteStore.FILE_NAME + ".8127364.tmp");
        DataFiles.write(leftover, "{\"version\": 1, \"canary_weight\": 0.9, \"pau");
        Path keyStoreTemp = directory.resolve("keys.json.5551234.tmp");
        DataFiles.write(keyStoreTemp, "not ours");

        FileRouteStore restarted = new FileRouteStore(directory);

        assertThat(leftover).doesNotExist();
        assertThat(keyStoreTemp).hasContent("not ours");
        assertSameState(restarted.load(), sampleState());
    }
}
