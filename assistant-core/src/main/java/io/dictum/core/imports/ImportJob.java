package io.dictum.core.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A running or finished import: how far it is ({@code processed} of {@code total}), what it created, skipped
 * (duplicates, with the reason) and could not import (errors by line and column).
 */
public record ImportJob(UUID id, String kind, String status, String filename, int total, int processed, int created,
                        int skipped, int failed, String createdBy, OffsetDateTime createdAt,
                        OffsetDateTime finishedAt, List<RowProblem> skippedRows, List<RowProblem> errors) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
}
