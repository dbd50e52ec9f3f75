package io.dictum.core.documents;

import java.io.IOException;
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
    public String put(byte[] content) throws IOException {
        String key = UUID.randomUUID().toString();
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), key, ".part");
        Files.write(temp, content);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    @Override
    public byte[] get(String key) throws IOException {
        return Files.readAllBytes(pathOf(UUID.fromString(key).toString()));
    }

    private Path pathOf(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
