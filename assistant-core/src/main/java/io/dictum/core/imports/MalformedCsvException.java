package io.dictum.core.imports;

import io.dictum.core.errors.InvalidInputException;
import java.util.List;

/** The file as a whole cannot be imported (encoding, quoting, a missing column): nothing was written. */
public class MalformedCsvException extends InvalidInputException {

    private final List<RowProblem> problems;

    public MalformedCsvException(String message, List<RowProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }

    @Override
    public String title() {
        return "Unreadable CSV file";
    }
}
