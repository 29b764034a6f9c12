package dev.sheepdog.support.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One file replaced whole: a durable owner-only temp file beside it, renamed over it, then the directory synced. */
public final class AtomicFile {

    /** Runs between the durable temp file and the rename: a test's crash, nothing in production. */
    @FunctionalInterface
    public interface BeforeReplace {
        void run(Path temp) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFile.class);

    private final Path file;
    private final Path directory;
    private final BeforeReplace beforeReplace;

    public AtomicFile(Path file, BeforeReplace beforeReplace) {
        this.file = file;
        this.directory = file.getParent();
        this.beforeReplace = beforeReplace;
    }

    /** Replaces the file's content with these bytes; on an IOException the old content is still there. */
    public void write(byte[] content) throws IOException {
        Path temp = Files.createTempFile(directory, tempPrefix(), ".tmp", OwnerOnly.file(directory));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            beforeReplace.run(temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw e;
        }
        syncDirectory();
    }

    /** Deletes the temp files a crash mid-write left behind; returns them. */
    public List<Path> removeLeftovers() throws IOException {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, tempPrefix() + "*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                removed.add(leftover);
            }
        }
        return removed;
    }

    private String tempPrefix() {
        return file.getFileName() + ".";
    }

    // The rename is only durable once the directory entry is; some platforms cannot open a directory.
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot sync the directory {} on this platform: {}", directory, e.toString());
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("cannot delete the temp file {}; it is removed at the next start: {}", temp, e.toString());
        }
    }
}
