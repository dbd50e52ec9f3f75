package io.dictum.core.encryption;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Envelope encryption of document contents. Each blob gets its own data key (AES-256-GCM-HKDF streaming AEAD, 64 KiB
 * segments, so contents of any size stream through a bounded buffer); the data key is wrapped by the primary master
 * key. Both the wrapped key and the contents are authenticated together with associated data naming the document and
 * version, so a blob moved under another document's name fails to open.
 *
 * <pre>
 * "DICTUM" 0x00 0x01 | master key id (int) | wrapped key length (int) | wrapped data key | streaming AEAD ciphertext
 * </pre>
 * Files without the magic are contents stored before encryption was introduced.
 */
public final class ContentCipher {

    static final byte[] MAGIC = {'D', 'I', 'C', 'T', 'U', 'M', 0, 1};
    private static final int MAX_WRAPPED_KEY = 4096;
    private static final AesGcmHkdfStreamingParameters DATA_KEY;

    static {
        try {
            DATA_KEY = AesGcmHkdfStreamingParameters.builder()
                    .setKeySizeBytes(32)
                    .setDerivedAesGcmKeySizeBytes(32)
                    .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                    .setCiphertextSegmentSizeBytes(64 * 1024)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What the first bytes of a stored blob say about it. */
    public sealed interface Header permits Plaintext, Sealed {
    }

    /** Contents stored before encryption; the stream is positioned at their start. */
    public record Plaintext() implements Header {
    }

    /** Encrypted contents: which master key wrapped the data key, and the wrapped key itself. */
    public record Sealed(int masterKeyId, byte[] wrappedKey) implements Header {
    }

    private final MasterKeys keys;

    public ContentCipher(MasterKeys keys) {
        this.keys = keys;
    }

    public MasterKeys keys() {
        return keys;
    }

    /** Writes the header and the encrypted contents of {@code plain} to {@code out}. */
    public void encrypt(InputStream plain, OutputStream out, byte[] associatedData) throws IOException {
        try {
            KeysetHandle dataKey = KeysetHandle.generateNew(DATA_KEY);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, keys.aead(), associatedData);
            writeHeader(out, keys.primaryId(), wrapped);
            StreamingAead aead = dataKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
            try (OutputStream encrypting = aead.newEncryptingStream(nonClosing(out), associatedData)) {
                plain.transferTo(encrypting);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("could not encrypt the contents: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the header: either the stream is left at the start of plaintext contents, or positioned after the wrapped
     * key of encrypted ones. The returned stream is what to go on reading from.
     */
    public static Opened readHeader(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, MAGIC.length);
        byte[] start = pushback.readNBytes(MAGIC.length);
        if (!Arrays.equals(start, MAGIC)) {
            pushback.unread(start);
            return new Opened(new Plaintext(), pushback);
        }
        DataInputStream data = new DataInputStream(pushback);
        try {
            int keyId = data.readInt();
            int length = data.readInt();
            if (length <= 0 || length > MAX_WRAPPED_KEY) {
                throw new ContentIntegrityException("the stored contents have a damaged header", null);
            }
            return new Opened(new Sealed(keyId, data.readNBytes(length)), pushback);
        } catch (EOFException e) {
            throw new ContentIntegrityException("the stored contents are truncated inside their header", e);
        }
    }

    /** A header and the stream positioned after it. */
    public record Opened(Header header, InputStream rest) {
    }

    /**
     * The plaintext of sealed contents. The first segment is authenticated before this returns, so damage near the
     * start fails here; damage further on fails the read that reaches it, before any of its bytes are returned.
     */
    public InputStream decrypt(Sealed sealed, InputStream rest, byte[] associatedData) throws IOException {
        StreamingAead aead;
        try {
            aead = TinkProtoKeysetFormat.parseEncryptedKeyset(sealed.wrappedKey(), keys.aead(), associatedData)
                    .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        } catch (GeneralSecurityException e) {
            throw new ContentIntegrityException(keys.ids().contains(sealed.masterKeyId())
                    ? "the data key does not unwrap for this document: the contents were changed or belong to another"
                    + " document" : "the contents were sealed with master key "
                    + Integer.toUnsignedString(sealed.masterKeyId()) + ", which is not in the configured keyset", e);
        }
        PushbackInputStream decrypted;
        try {
            decrypted = new PushbackInputStream(new AuthenticationFailures(
                    aead.newDecryptingStream(rest, associatedData)), 1);
            int first = decrypted.read();
            if (first >= 0) {
                decrypted.unread(first);
            }
        } catch (GeneralSecurityException e) {
            throw new ContentIntegrityException("the stored contents could not be opened: " + e.getMessage(), e);
        }
        return decrypted;
    }

    /** Copies sealed contents with their data key re-wrapped by the current primary master key; the body is untouched. */
    public void rewrap(Sealed sealed, InputStream rest, OutputStream out, byte[] associatedData) throws IOException {
        try {
            KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(sealed.wrappedKey(), keys.aead(),
                    associatedData);
            writeHeader(out, keys.primaryId(),
                    TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, keys.aead(), associatedData));
            rest.transferTo(out);
        } catch (GeneralSecurityException e) {
            throw new ContentIntegrityException("the data key could not be unwrapped for re-wrapping: "
                    + e.getMessage(), e);
        }
    }

    private static void writeHeader(OutputStream out, int keyId, byte[] wrapped) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeInt(keyId);
        data.writeInt(wrapped.length);
        data.write(wrapped);
        data.flush();
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Tink reports a failed segment as a plain IOException; name it for what it is. */
    private static final class AuthenticationFailures extends java.io.FilterInputStream {

        AuthenticationFailures(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (ContentIntegrityException e) {
                throw e;
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (ContentIntegrityException e) {
                throw e;
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private static ContentIntegrityException failed(IOException e) {
            return new ContentIntegrityException("the stored contents failed authentication (changed, truncated or"
                    + " swapped on disk): " + e.getMessage(), e);
        }
    }
}
