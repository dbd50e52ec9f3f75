package io.dictum.core.drafting;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A document template as of its newest version. {@code starter} is true for the templates that ship with Dictum;
 * {@code documentKind} becomes the kind of every document generated from it.
 */
public record Template(TemplateId id, String name, String description, String documentKind, boolean starter,
                       int version, String filename, long sizeBytes, String sha256, List<String> placeholders,
                       OffsetDateTime updatedAt) {
}
