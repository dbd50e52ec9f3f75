package io.dictum.core.encryption;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * The master keys that wrap every document's data key: a Tink keyset of AES-256-GCM keys. The primary key wraps new
 * data keys; every key in the set still unwraps what it wrapped, which is what makes rotation possible.
 */
public final class MasterKeys {

    static {
        try {
            AeadConfig.register();
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeysetHandle keyset;
    private final Aead aead;

    private MasterKeys(KeysetHandle keyset) throws GeneralSecurityException {
        this.keyset = keyset;
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** A new keyset with one AES-256-GCM key, its primary. */
    public static MasterKeys generate() {
        try {
            return new MasterKeys(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is available in every Java runtime", e);
        }
    }

    /** Reads a keyset in Tink's JSON format; says what is wrong instead of failing obscurely. */
    public static MasterKeys parse(String json) {
        try {
            MasterKeys keys = new MasterKeys(TinkJsonProtoKeysetFormat.parseKeyset(json.strip(),
                    InsecureSecretKeyAccess.get()));
            return keys;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the master keyset is not a Tink JSON keyset of AES-GCM keys ("
                    + e.getMessage() + "); generate one with `java -jar dictum.jar keys generate`", e);
        }
    }

    public String toJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same keys plus a new one that becomes primary: new data keys are wrapped by it, the old still unwrap. */
    public MasterKeys rotate() {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
            builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId().makePrimary());
            return new MasterKeys(builder.build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keyset without the given key; the primary cannot be removed (rotate first). */
    public MasterKeys remove(int keyId) {
        if (keyId == primaryId()) {
            throw new IllegalArgumentException("key " + Integer.toUnsignedString(keyId) + " is the primary key;"
                    + " rotate to a new primary before removing it");
        }
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
            for (int i = 0; i < builder.size(); i++) {
                if (keyset.getAt(i).getId() == keyId) {
                    builder.deleteAt(i);
                    return new MasterKeys(builder.build());
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("the keyset has no key " + Integer.toUnsignedString(keyId) + "; it has "
                + ids().stream().map(Integer::toUnsignedString).toList());
    }

    public int primaryId() {
        return keyset.getPrimary().getId();
    }

    public List<Integer> ids() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < keyset.size(); i++) {
            ids.add(keyset.getAt(i).getId());
        }
        return ids;
    }

    Aead aead() {
        return aead;
    }
}
