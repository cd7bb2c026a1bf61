package org.lexnet.app.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of this checkout (docs/asyncapi.yaml, ...), found from the module directory the tests run in. */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    public static Path locate(String relativePath) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relativePath);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(relativePath + " not found above " + Path.of("").toAbsolutePath());
    }
}
