package io.dictum.core.imports;

import java.util.List;

/**
 * What importing a file would do, changing nothing: the rows that would be created, the duplicates (within the file
 * or of what the firm has) that would be skipped, and the errors that would keep rows out.
 */
public record ImportReport(String kind, boolean dryRun, int total, List<String> ignoredColumns,
                           List<Planned> create, List<Duplicate> duplicates, List<RowProblem> errors) {

    /** A row that would be created: its line, its import key and what it is called. */
    public record Planned(long line, String key, String label) {
    }

    /**
     * A row that would be skipped: the same as an earlier line of the file ({@code duplicateOfLine}), or as something
     * the firm already has ({@code existingId}), with the reason in words.
     */
    public record Duplicate(long line, String key, String label, String reason, Long duplicateOfLine,
                            String existingId) {
    }
}
