package io.dictum.core.encryption;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the master keys come from: {@code keys} (a Tink JSON keyset, {@code DICTUM_ENCRYPTION_KEYS}) or
 * {@code keysetFile} ({@code DICTUM_ENCRYPTION_KEYSET_FILE}); with neither, a keyset generated once into the data
 * directory. {@code readPlaintext} allows contents stored before encryption to be read until they are migrated.
 */
@ConfigurationProperties("dictum.encryption")
public record EncryptionProperties(String keys, Path keysetFile, Boolean readPlaintext) {

    public EncryptionProperties {
        readPlaintext = readPlaintext == null || readPlaintext;
    }
}
