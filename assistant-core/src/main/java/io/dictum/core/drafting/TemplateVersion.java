package io.dictum.core.drafting;

import io.dictum.core.users.UserId;
import java.time.OffsetDateTime;
import java.util.List;

/** One stored version of a template. */
public record TemplateVersion(TemplateId templateId, int version, String filename, long sizeBytes, String sha256,
                              List<String> placeholders, OffsetDateTime createdAt, UserId createdBy) {
}
