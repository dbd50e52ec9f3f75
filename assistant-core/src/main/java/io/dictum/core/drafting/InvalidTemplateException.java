package io.dictum.core.drafting;

import io.dictum.core.errors.DictumException;
import io.dictum.templates.docx.TemplateProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A template that cannot be used: not a Word document, or placeholders with broken syntax or unknown names. The
 * problems name each mistake and where it is, so the author can fix it in Word. Answered as 422.
 */
public class InvalidTemplateException extends DictumException {

    private final List<TemplateProblem> problems;

    public InvalidTemplateException(String message) {
        super(message);
        this.problems = List.of();
    }

    public InvalidTemplateException(String filename, List<TemplateProblem> problems) {
        super("The template '" + filename + "' has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ": " + problems.stream().limit(20).map(TemplateProblem::toString).collect(Collectors.joining("; "))
                + (problems.size() > 20 ? "; ..." : "") + ". Fix them in Word and upload it again; the placeholders"
                + " are listed at GET /api/v1/templates/placeholders.");
        this.problems = List.copyOf(problems);
    }

    public List<TemplateProblem> problems() {
        return problems;
    }

    @Override
    public String title() {
        return "Unusable template";
    }
}
