package io.dictum.core.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * Where document contents live, addressed by an opaque key and bound to the document version they belong to. The
 * file system by default; object storage when several nodes share the work.
 */
public interface DocumentStore {

    /** Stores a copy of the file durably, encrypted for {@code binding}, and returns the key to read it back. */
    String put(Path file, ContentBinding binding) throws IOException;

    /** The plaintext; fails with {@link io.dictum.core.encryption.ContentIntegrityException} rather than return altered bytes. */
    InputStream open(String key, ContentBinding binding) throws IOException;

    /** Removes contents whose rows were never committed; a missing key is not an error. */
    void delete(String key) throws IOException;

    /** What {@link #reseal} did. */
    enum Resealed { ENCRYPTED, REWRAPPED, CURRENT }

    /**
     * Brings stored contents up to the primary master key: encrypts contents stored before encryption, re-wraps the
     * data key of contents sealed with an older master key, and leaves current ones alone.
     */
    Resealed reseal(String key, ContentBinding binding) throws IOException;

    /**
     * Removes what an interrupted process left: half-written temporaries written before {@code to}, and contents
     * written between {@code from} and {@code to} whose key no row references (stored, but the rows never
     * committed). Older unreferenced contents are only counted: they point at a database that is not this store's
     * (a restore, a changed DICTUM_DB_URL), which is for a person to look at, not for a sweep to delete.
     */
    SweepResult sweep(Set<String> referenced, Instant from, Instant to) throws IOException;

    /** Files removed, and old unreferenced files left in place. */
    record SweepResult(int removed, int oldUnreferenced) {
    }
}
