package io.dictum.templates.docx;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One piece of placeholder syntax as written in a template. The language (see {@link DocxTemplate}) is small on
 * purpose: fields {@code [ClientName]}, sections {@code [#if Name]...[#else]...[/if]} and
 * {@code [#each Name]...[/each]}, drafted sections {@code [#draft instruction from: sources]} and {@code [[} for a
 * literal bracket.
 */
record Token(Kind kind, String name, boolean negated, String text, String problem) {

    enum Kind { ESCAPE, FIELD, IF, EACH, ELSE, END_IF, END_EACH, DRAFT, BAD }

    /**
     * Everything that looks like syntax, including the broken forms that must be reported rather than printed. A
     * field name starts with a capital letter and has no spaces, so ordinary bracketed text such as "[sic]" or
     * "[emphasis added]" is left alone. {@code \u0000} stands for a tab or line break inside a run.
     */
    static final Pattern PATTERN = Pattern.compile(
            "\\[\\["
                    + "|\\[#draft(?:\\s[^\\[\\]\\u0000]{0,500})?\\]"
                    + "|\\[#(if|each)\\s+(!?)([A-Za-z][A-Za-z0-9]*)\\s*\\]"
                    + "|\\[#else\\]"
                    + "|\\[/(if|each)\\]"
                    + "|\\[([A-Z][A-Za-z0-9]*)\\]"
                    + "|\\[[#/][^\\[\\]\\u0000]{0,80}\\]"
                    + "|\\[[#/][^\\[\\]\\u0000]{0,80}(?=$|\\[|\\u0000)"
                    + "|\\[[A-Z][A-Za-z0-9]*(?=$|[\\[\\u0000,.;:!?'\"])"
                    + "|\\[[A-Z][A-Za-z0-9]*[)}>]");

    boolean structural() {
        return kind == Kind.IF || kind == Kind.EACH || kind == Kind.ELSE || kind == Kind.END_IF
                || kind == Kind.END_EACH;
    }

    boolean opens() {
        return kind == Kind.IF || kind == Kind.EACH;
    }

    boolean closes() {
        return kind == Kind.END_IF || kind == Kind.END_EACH;
    }

    /** The closing tag that this opening tag needs. */
    String closer() {
        return kind == Kind.IF ? "[/if]" : "[/each]";
    }

    /** The token when the whole text is one, else null. */
    static Token of(String text) {
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            return null;
        }
        if (text.equals("[[")) {
            return new Token(Kind.ESCAPE, null, false, text, null);
        }
        if (text.startsWith("[#draft") && text.endsWith("]") && (text.length() == 8 || Character.isWhitespace(text.charAt(7)))) {
            DraftSection.Parsed parsed = DraftSection.parse(text);
            return parsed.section() != null ? new Token(Kind.DRAFT, null, false, text, null)
                    : new Token(Kind.BAD, null, false, text, parsed.problem());
        }
        if (m.group(1) != null) {
            return new Token(m.group(1).equals("if") ? Kind.IF : Kind.EACH, m.group(3), !m.group(2).isEmpty(), text,
                    null);
        }
        if (text.equals("[#else]")) {
            return new Token(Kind.ELSE, null, false, text, null);
        }
        if (m.group(4) != null) {
            return new Token(m.group(4).equals("if") ? Kind.END_IF : Kind.END_EACH, null, false, text, null);
        }
        if (m.group(5) != null) {
            return new Token(Kind.FIELD, m.group(5), false, text, null);
        }
        String problem;
        if (text.startsWith("[#") || text.startsWith("[/")) {
            problem = text.endsWith("]")
                    ? "'" + text + "' is not a known tag; use [#if Name], [#if !Name], [#else], [/if], [#each Name],"
                    + " [/each] or [#draft instruction from: sources]"
                    : "'" + text + "' is not closed with ]";
        } else if (text.endsWith("]")) {
            problem = "'" + text + "' is not a placeholder";
        } else {
            char last = text.charAt(text.length() - 1);
            problem = (last == ')' || last == '}' || last == '>')
                    ? "placeholder '" + text + "' must end with ] instead of " + last
                    : "placeholder '" + text + "' is not closed with ]";
        }
        return new Token(Kind.BAD, null, false, text, problem);
    }
}
