package io.dictum.core.imports;

/** Something wrong at a place in the file: its line (1 is the header), the column when one is to blame. */
public record RowProblem(long line, String column, String message) {
}
