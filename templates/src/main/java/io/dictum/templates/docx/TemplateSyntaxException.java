package io.dictum.templates.docx;

import java.util.List;
import java.util.stream.Collectors;

/** A template whose placeholder syntax is broken cannot be filled; the problems say where. */
public class TemplateSyntaxException extends RuntimeException {

    private final List<TemplateProblem> problems;

    public TemplateSyntaxException(List<TemplateProblem> problems) {
        super("The template's placeholder syntax is broken: " + problems.stream().map(TemplateProblem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<TemplateProblem> problems() {
        return problems;
    }
}
