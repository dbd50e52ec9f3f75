package io.dictum.core.documents;

import io.dictum.core.encryption.ContentCipher;
import io.dictum.core.encryption.ContentIntegrityException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Contents as encrypted files under the data directory, written to a temporary name and moved, so no half file is ever
 * seen under a key.
 */
public class FileSystemDocumentStore implements DocumentStore {

    private static final Logger log = LoggerFactory.getLogger(FileSystemDocumentStore.class);
    private static final String PART = ".part";

    /** Writes a file's contents into an output stream. */
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private final Path root;
    private final ContentCipher cipher;
    private final boolean readPlaintext;

    public FileSystemDocumentStore(Path root, ContentCipher cipher, boolean readPlaintext) {
        this.root = root;
        this.cipher = cipher;
        this.readPlaintext = readPlaintext;
    }

    @Override
    public String put(Path file, ContentBinding binding) throws IOException {
        String key = UUID.randomUUID().toString();
        writeAtomically(pathOf(key), out -> {
            try (InputStream in = Files.newInputStream(file)) {
                cipher.encrypt(in, out, binding.associatedData());
            }
        });
        return key;
    }

    @Override
    public InputStream open(String key, ContentBinding binding) throws IOException {
        InputStream in = Files.newInputStream(pathOf(key));
        try {
            ContentCipher.Opened opened = ContentCipher.readHeader(in);
            if (opened.header() instanceof ContentCipher.Sealed sealed) {
                return cipher.decrypt(sealed, opened.rest(), binding.associatedData());
            }
            if (!readPlaintext) {
                throw new ContentIntegrityException("the contents of " + binding + " are not encrypted and reading"
                        + " unencrypted contents is switched off (DICTUM_ENCRYPTION_READ_PLAINTEXT=false)", null);
            }
            log.warn("Read unencrypted contents of {}; run the encryption rewrap to encrypt them", binding);
            return opened.rest();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    @Override
    public Resealed reseal(String key, ContentBinding binding) throws IOException {
        Path path = pathOf(key);
        ContentCipher.Header header;
        try (InputStream in = Files.newInputStream(path)) {
            header = ContentCipher.readHeader(in).header();
        }
        if (header instanceof ContentCipher.Sealed sealed && sealed.masterKeyId() == cipher.keys().primaryId()) {
            return Resealed.CURRENT;
        }
        writeAtomically(path, out -> {
            try (InputStream in = Files.newInputStream(path)) {
                ContentCipher.Opened opened = ContentCipher.readHeader(in);
                if (opened.header() instanceof ContentCipher.Sealed sealed) {
                    cipher.rewrap(sealed, opened.rest(), out, binding.associatedData());
                } else {
                    cipher.encrypt(opened.rest(), out, binding.associatedData());
                }
            }
        });
        return header instanceof ContentCipher.Sealed ? Resealed.REWRAPPED : Resealed.ENCRYPTED;
    }

    @Override
    public SweepResult sweep(Set<String> referenced, Instant from, Instant to) throws IOException {
        if (!Files.isDirectory(root)) {
            return new SweepResult(0, 0);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, 2)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        int removed = 0;
        int oldUnreferenced = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                Instant written = Files.getLastModifiedTime(file).toInstant();
                if (!written.isBefore(to)) {
                    continue; // written by this process: an upload in flight
                }
                boolean leftover = name.endsWith(PART) || !referenced.contains(name) && !written.isBefore(from);
                if (leftover && Files.deleteIfExists(file)) {
                    removed++;
                } else if (!referenced.contains(name) && !name.endsWith(PART)) {
                    oldUnreferenced++;
                }
            } catch (NoSuchFileException gone) {
                // removed meanwhile
            }
        }
        return new SweepResult(removed, oldUnreferenced);
    }

    private void writeAtomically(Path target, Writer writer) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), PART);
        try {
            // On disk before the move, so contents whose rows commit next survive a power cut too.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
                writer.write(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path pathOf(String key) {
        String checked = UUID.fromString(key).toString();
        return root.resolve(checked.substring(0, 2)).resolve(checked);
    }
}
