package io.dictum.core.encryption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the master keyset from the configuration, or generates a local one on a first start without any. */
public final class MasterKeySource {

    private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);

    private MasterKeySource() {
    }

    public static MasterKeys load(EncryptionProperties properties, Path dataDir) {
        if (properties.keys() != null && !properties.keys().isBlank()) {
            return MasterKeys.parse(properties.keys());
        }
        if (properties.keysetFile() != null && !properties.keysetFile().toString().isBlank()) {
            Path file = properties.keysetFile();
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("DICTUM_ENCRYPTION_KEYSET_FILE names " + file.toAbsolutePath()
                        + ", which does not exist; create it with `java -jar dictum.jar keys generate > " + file + "`");
            }
            return MasterKeys.parse(read(file));
        }
        return local(dataDir.resolve("keys").resolve("master-keyset.json"));
    }

    /**
     * A keyset beside the data it protects only guards against copies of the document folder alone (a backup, a
     * stolen disk image of that folder); production keeps the keyset elsewhere, which is why this warns at every start.
     */
    private static MasterKeys local(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path temp = Files.createTempFile(file.getParent(), "keyset", ".tmp");
                restrict(temp);
                Files.writeString(temp, MasterKeys.generate().toJson());
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temp);
                }
            }
            log.warn("\n*****************************************************************************************\n"
                    + "* Document contents are encrypted with a master keyset stored in the data directory:\n"
                    + "*   {}\n"
                    + "* Anyone who copies the whole data directory can read them. Keep the keyset apart from the\n"
                    + "* data: set DICTUM_ENCRYPTION_KEYSET_FILE (or DICTUM_ENCRYPTION_KEYS), see the README.\n"
                    + "*****************************************************************************************",
                    file.toAbsolutePath());
            return MasterKeys.parse(read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the local master keyset " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the master keyset " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own ACL applies
        }
    }
}
