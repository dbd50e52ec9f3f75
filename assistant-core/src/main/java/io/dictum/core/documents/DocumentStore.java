package io.dictum.core.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where document contents live, addressed by an opaque key. The file system by default; object storage when several
 * nodes share the work.
 */
public interface DocumentStore {

    /** Stores a copy of the file durably and returns the key to read it back. */
    String put(Path file) throws IOException;

    InputStream open(String key) throws IOException;

    /** Removes contents whose rows were never committed; a missing key is not an error. */
    void delete(String key) throws IOException;
}
