package io.dictum.templates.docx;

/** A mistake in a template, found on upload or before filling it: what is wrong, and where. */
public record TemplateProblem(String placeholder, String message, Location location) {

    @Override
    public String toString() {
        return message + " at " + location;
    }
}
