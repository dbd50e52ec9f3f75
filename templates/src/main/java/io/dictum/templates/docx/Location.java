package io.dictum.templates.docx;

/**
 * Where in a template something was found: the part ({@code body}, {@code header}, {@code footer}), the paragraph's
 * number in that part counted from 1 in reading order (paragraphs in tables included), and a short excerpt of the
 * paragraph's text so a person can find it in Word.
 */
public record Location(String part, int paragraph, String excerpt) {

    @Override
    public String toString() {
        return (part.equals("body") ? "" : part + " ") + "paragraph " + paragraph + " (\"" + excerpt + "\")";
    }
}
