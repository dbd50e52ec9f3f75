package io.dictum.core.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Contents as files under the data directory, written to a temporary name and moved, so no half file is ever seen. */
public class FileSystemDocumentStore implements DocumentStore {

    private final Path root;

    public FileSystemDocumentStore(Path root) {
        this.root = root;
    }

    @Override
    public String put(Path file) throws IOException {
        String key = UUID.randomUUID().toString();
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), key, ".part");
        try {
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    private Path pathOf(String key) {
        String checked = UUID.fromString(key).toString();
        return root.resolve(checked.substring(0, 2)).resolve(checked);
    }
}
