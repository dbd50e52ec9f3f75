package io.dictum.core.documents;

import java.io.IOException;

/**
 * Where document contents live, addressed by an opaque key. The file system by default; object storage when several
 * nodes share the work.
 */
public interface DocumentStore {

    /** Stores the bytes durably and returns the key to read them back. */
    String put(byte[] content) throws IOException;

    byte[] get(String key) throws IOException;
}
