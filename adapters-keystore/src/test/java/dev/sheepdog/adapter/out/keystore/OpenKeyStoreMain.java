package dev.sheepdog.adapter.out.keystore;

import dev.sheepdog.domain.model.KeyStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Another process for the lock tests: opens a {@link FileKeyStore} on the directory {@code args[0]} and
 * exits with what happened; with {@code hold} it prints {@code opened} and keeps the store until stdin ends.
 */
public final class OpenKeyStoreMain {

    static final int OPENED = 0;
    static final int REFUSED = 3;
    static final int FAILED = 4;
    static final String OPENED_LINE = "opened";

    private OpenKeyStoreMain() {
    }

    public static void main(String[] args) throws IOException {
        int exit;
        try (FileKeyStore store = new FileKeyStore(Path.of(args[0]), Optional.empty())) {
            store.load();
            if (args.length > 1 && args[1].equals("hold")) {
                System.out.println(OPENED_LINE);
                System.out.flush();
                System.in.readAllBytes();
            }
            exit = OPENED;
        } catch (KeyStoreException e) {
            System.err.println(e.getMessage());
            exit = e.getMessage().contains("another Sheepdog is using") ? REFUSED : FAILED;
        }
        System.exit(exit);
    }
}
