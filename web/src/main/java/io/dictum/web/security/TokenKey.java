package io.dictum.web.security;

import io.dictum.core.DictumProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC key that signs sign-in tokens. Several nodes must share one: set DICTUM_TOKEN_SECRET. A single node
 * without it generates a key once and keeps it in the data directory, so tokens survive a restart.
 */
final class TokenKey {

    private TokenKey() {
    }

    static SecretKey load(SecurityProperties security, DictumProperties dictum) {
        String secret = security.tokenSecret();
        if (secret == null || secret.isBlank()) {
            secret = fromFile(dictum.dataDir().resolve("secrets").resolve("token-key"));
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("DICTUM_TOKEN_SECRET must be at least 32 characters long");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static String fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getEncoder().encodeToString(random);
            Files.writeString(file, secret, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the data directory's own permissions protect it
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token key at " + file + ": " + e.getMessage()
                    + ". Make DICTUM_DATA_DIR writable or set DICTUM_TOKEN_SECRET.", e);
        }
    }
}
