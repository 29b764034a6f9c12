package dev.sheepdog.adapter.out.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.KeyStoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class FileKeyStoreLockTest {

    @TempDir
    Path directory;

    @Test
    void aSecondStoreOnTheSameDirectoryInThisProcessIsRefusedUntilTheFirstIsClosed() throws IOException {
        try (FileKeyStore first = new FileKeyStore(directory, Optional.empty())) {
            assertThat(first.load()).isEmpty();
            assertThatThrownBy(() -> new FileKeyStore(directory.resolve("."), Optional.empty()))
                    .isInstanceOf(KeyStoreException.class)
                    .hasMessageContaining("another Sheepdog is using the data directory " + directory.toRealPath());
        }

        new FileKeyStore(directory, Optional.empty()).close();
    }

    @Test
    void anotherProcessIsRefusedWhileThisOneHoldsTheDirectoryAndAdmittedOnceItIsClosed() throws Exception {
        FileKeyStore first = new FileKeyStore(directory, Optional.empty());

        assertThat(openInAnotherProcess()).isEqualTo(OpenKeyStoreMain.REFUSED);

        first.close();
        assertThat(openInAnotherProcess()).isEqualTo(OpenKeyStoreMain.OPENED);
    }

    @Test
    void aSecondStoreRefusedInThisProcessDoesNotLetGoOfTheFirstStoresLock() throws Exception {
        try (FileKeyStore first = new FileKeyStore(directory, Optional.empty())) {
            assertThatThrownBy(() -> new FileKeyStore(directory, Optional.empty()))
                    .isInstanceOf(KeyStoreException.class);
            assertThat(first.load()).isEmpty();

            assertThat(openInAnotherProcess()).isEqualTo(OpenKeyStoreMain.REFUSED);
        }
    }

    @Test
    void thisProcessIsRefusedWhileAnotherHoldsTheDirectory() throws Exception {
        Process other = start("hold");
        try {
            List<String> said = readUntilOpened(other);
            assertThat(other.isAlive()).as("the other process holds the store; it said %s", said).isTrue();

            assertThatThrownBy(() -> new FileKeyStore(directory, Optional.empty()))
                    .isInstanceOf(KeyStoreException.class)
                    .hasMessageContaining("another Sheepdog is using the data directory");

            other.getOutputStream().close();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).isEqualTo(OpenKeyStoreMain.OPENED);
        } finally {
            other.destroyForcibly();
        }
        new FileKeyStore(directory, Optional.empty()).close();
    }

    private static List<String> readUntilOpened(Process other) throws IOException {
        List<String> said = new ArrayList<>();
        BufferedReader lines = new BufferedReader(
                new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        String line = lines.readLine();
        while (line != null && !line.equals(OpenKeyStoreMain.OPENED_LINE)) {
            said.add(line);
            line = lines.readLine();
        }
        return said;
    }

    private int openInAnotherProcess() throws Exception {
        Process other = start();
        String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).as("the other process ended; it said %s", output).isTrue();
        return other.exitValue();
    }

    private Process start(String... mode) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                OpenKeyStoreMain.class.getName(), directory.toString()));
        command.addAll(List.of(mode));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
