package org.lexnet.app.keys;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes the secrets the app keeps under its data directory (the embedded PostgreSQL's password, the
 * token signing key, the master key): to a temporary file created owner-only (never readable by others,
 * not even for a moment), flushed, then renamed, and the rename flushed. After a crash there is the old
 * file or the new one, never half of one.
 */
public final class SecretFiles {

    private SecretFiles() {
    }

    public static void writeAtomically(Path target, String content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = target.resolveSibling(target.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), ownerOnly(directory))) {
            channel.write(StandardCharsets.US_ASCII.encode(content));
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directoryChannel = FileChannel.open(directory, StandardOpenOption.READ)) {
            directoryChannel.force(true);
        } catch (IOException notOnThisPlatform) {
            // some systems cannot open a directory for flushing; the rename is then as durable as they allow
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) throws IOException {
        if (!Files.getFileStore(directory).supportsFileAttributeView("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
