package io.dictum.core.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dictum.core.documents.ContentBinding;
import io.dictum.core.documents.DocumentId;
import io.dictum.core.documents.DocumentStore;
import io.dictum.core.documents.FileSystemDocumentStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedDocumentStoreTest {

    private static final byte[] MARKER = "PRIVILEGED AND CONFIDENTIAL settlement offer".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Path root;
    private Path source;
    private byte[] plain;
    private final ContentBinding a1 = new ContentBinding(DocumentId.random(), 1);

    @BeforeEach
    void contents() throws IOException {
        root = dir.resolve("documents");
        // Several 64 KiB segments, the marker in the middle, so damage can be placed in a later segment.
        plain = new byte[300_000];
        new Random(7).nextBytes(plain);
        System.arraycopy(MARKER, 0, plain, 150_000, MARKER.length);
        source = dir.resolve("source.bin");
        Files.write(source, plain);
    }

    private FileSystemDocumentStore store(MasterKeys keys) {
        return new FileSystemDocumentStore(root, new ContentCipher(keys), true);
    }

    private Path file(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    @Test
    void roundTripReturnsThePlaintextAndStoresNoneOfIt() throws IOException {
        FileSystemDocumentStore store = store(MasterKeys.generate());
        String key = store.put(source, a1);

        try (InputStream in = store.open(key, a1)) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        byte[] onDisk = Files.readAllBytes(file(key));
        assertThat(indexOf(onDisk, MARKER)).as("the marker text must not be on disk").isEqualTo(-1);
        assertThat(Arrays.copyOf(onDisk, ContentCipher.MAGIC.length)).isEqualTo(ContentCipher.MAGIC);
    }

    @Test
    void aFlippedByteInALaterSegmentFailsTheReadWithoutReturningWrongBytes() throws IOException {
        FileSystemDocumentStore store = store(MasterKeys.generate());
        String key = store.put(source, a1);
        flip(file(key), Files.size(file(key)) - 1000);

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
            try (InputStream in = store.open(key, a1)) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            }
        }).isInstanceOf(ContentIntegrityException.class).hasMessageContaining("failed authentication");
        byte[] got = received.toByteArray();
        assertThat(got.length).isLessThan(plain.length);
        assertThat(got).as("everything returned before the failure is genuine").isEqualTo(Arrays.copyOf(plain,
                got.length));
    }

    @Test
    void aFlippedByteInTheFirstSegmentOrTheWrappedKeyFailsOnOpen() throws IOException {
        FileSystemDocumentStore store = store(MasterKeys.generate());
        String key = store.put(source, a1);
        Path copy = dir.resolve("copy");
        Files.copy(file(key), copy);

        flip(file(key), Files.size(file(key)) / 10);
        assertThatThrownBy(() -> store.open(key, a1)).isInstanceOf(ContentIntegrityException.class);

        Files.copy(copy, file(key), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        flip(file(key), 30); // inside the wrapped data key
        assertThatThrownBy(() -> store.open(key, a1)).isInstanceOf(ContentIntegrityException.class)
                .hasMessageContaining("does not unwrap");
    }

    @Test
    void contentsSwappedToAnotherDocumentOrVersionDoNotOpen() throws IOException {
        FileSystemDocumentStore store = store(MasterKeys.generate());
        ContentBinding b1 = new ContentBinding(DocumentId.random(), 1);
        String keyA = store.put(source, a1);
        Files.writeString(source, "the other document");
        String keyB = store.put(source, b1);

        // b's file replaced by a's, as someone with access to the disk might
        Files.copy(file(keyA), file(keyB), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> store.open(keyB, b1)).isInstanceOf(ContentIntegrityException.class);
        // a's key presented as another version of the same document
        assertThatThrownBy(() -> store.open(keyA, new ContentBinding(a1.document(), 2)))
                .isInstanceOf(ContentIntegrityException.class);
    }

    @Test
    void rotationKeepsOldContentsReadableAndTheRewrapFreesTheOldKey() throws IOException {
        MasterKeys first = MasterKeys.generate();
        String key = store(first).put(source, a1);

        MasterKeys rotated = first.rotate();
        assertThat(rotated.ids()).hasSize(2).contains(first.primaryId());
        assertThat(rotated.primaryId()).isNotEqualTo(first.primaryId());
        FileSystemDocumentStore store = store(rotated);
        try (InputStream in = store.open(key, a1)) {
            assertThat(in.readAllBytes()).as("the old key still decrypts").isEqualTo(plain);
        }
        String newKey = store.put(source, a1);

        MasterKeys withoutOld = rotated.remove(first.primaryId());
        assertThatThrownBy(() -> store(withoutOld).open(key, a1)).isInstanceOf(ContentIntegrityException.class)
                .hasMessageContaining("not in the configured keyset");

        assertThat(store.reseal(key, a1)).isEqualTo(DocumentStore.Resealed.REWRAPPED);
        assertThat(store.reseal(key, a1)).isEqualTo(DocumentStore.Resealed.CURRENT);
        assertThat(store.reseal(newKey, a1)).isEqualTo(DocumentStore.Resealed.CURRENT);
        try (InputStream in = store(withoutOld).open(key, a1)) {
            assertThat(in.readAllBytes()).as("after the rewrap the old key is not needed").isEqualTo(plain);
        }
        assertThatThrownBy(() -> withoutOld.remove(withoutOld.primaryId()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("primary");
    }

    @Test
    void contentsFromBeforeEncryptionAreReadAndThenEncryptedByTheRewrap() throws IOException {
        FileSystemDocumentStore store = store(MasterKeys.generate());
        String key = UUID.randomUUID().toString();
        Files.createDirectories(file(key).getParent());
        Files.write(file(key), plain);

        try (InputStream in = store.open(key, a1)) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        assertThat(store.reseal(key, a1)).isEqualTo(DocumentStore.Resealed.ENCRYPTED);
        assertThat(indexOf(Files.readAllBytes(file(key)), MARKER)).isEqualTo(-1);
        try (InputStream in = store.open(key, a1)) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }

        String legacy = UUID.randomUUID().toString();
        Files.createDirectories(file(legacy).getParent());
        Files.write(file(legacy), plain);
        FileSystemDocumentStore strict = new FileSystemDocumentStore(root, new ContentCipher(MasterKeys.generate()),
                false);
        assertThatThrownBy(() -> strict.open(legacy, a1)).isInstanceOf(ContentIntegrityException.class)
                .hasMessageContaining("DICTUM_ENCRYPTION_READ_PLAINTEXT");
    }

    @Test
    void theSweepRemovesTemporariesAndUnreferencedContentsOlderThanTheStart() throws IOException {
        FileSystemDocumentStore store = store(MasterKeys.generate());
        String kept = store.put(source, a1);
        String orphan = store.put(source, new ContentBinding(DocumentId.random(), 1));
        String recent = store.put(source, new ContentBinding(DocumentId.random(), 1));
        String ancient = store.put(source, new ContentBinding(DocumentId.random(), 1));
        Path part = file(kept).resolveSibling(kept + "123.part");
        Files.writeString(part, "half");
        Instant start = Instant.now();
        for (Path p : new Path[] {file(kept), file(orphan), part}) {
            Files.setLastModifiedTime(p, FileTime.from(start.minusSeconds(60)));
        }
        Files.setLastModifiedTime(file(recent), FileTime.from(start.plusSeconds(60)));
        Files.setLastModifiedTime(file(ancient), FileTime.from(start.minusSeconds(90_000)));

        DocumentStore.SweepResult result = store.sweep(Set.of(kept), start.minusSeconds(86_400), start);
        assertThat(result.removed()).isEqualTo(2);
        assertThat(result.oldUnreferenced()).isEqualTo(1);
        assertThat(file(kept)).exists();
        assertThat(file(recent)).as("written after the start: an upload in flight").exists();
        assertThat(file(ancient)).as("too old for a leftover: a person decides").exists();
        assertThat(file(orphan)).doesNotExist();
        assertThat(part).doesNotExist();
    }

    @Test
    void theKeysCommandGeneratesRotatesListsAndRemoves() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(KeysTool.run(new String[] {"generate"}, new PrintStream(out), new PrintStream(err))).isZero();
        Path file = dir.resolve("keyset.json");
        Files.writeString(file, out.toString());
        MasterKeys generated = MasterKeys.parse(Files.readString(file));
        assertThat(generated.ids()).hasSize(1);

        assertThat(KeysTool.run(new String[] {"rotate", file.toString()}, new PrintStream(out),
                new PrintStream(err))).isZero();
        MasterKeys rotated = MasterKeys.parse(Files.readString(file));
        assertThat(rotated.ids()).hasSize(2).contains(generated.primaryId());

        assertThat(KeysTool.run(new String[] {"remove", file.toString(),
                Integer.toUnsignedString(generated.primaryId())}, new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(MasterKeys.parse(Files.readString(file)).ids()).containsExactly(rotated.primaryId());

        assertThat(KeysTool.run(new String[] {"remove", file.toString(),
                Integer.toUnsignedString(rotated.primaryId())}, new PrintStream(out), new PrintStream(err))).isOne();
        assertThat(err.toString()).contains("primary");
        assertThatThrownBy(() -> MasterKeys.parse("{\"not\":\"a keyset\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keys generate");
    }

    private static void flip(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 0x01;
        Files.write(file, bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
