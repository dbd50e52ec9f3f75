package io.dictum.core.documents;

import java.nio.charset.StandardCharsets;

/** The document version that stored contents belong to; authenticated with them so blobs cannot be swapped. */
public record ContentBinding(DocumentId document, int version) {

    public byte[] associatedData() {
        return ("dictum document " + document + " version " + version).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "document " + document + " version " + version;
    }
}
