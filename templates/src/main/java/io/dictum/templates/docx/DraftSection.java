package io.dictum.templates.docx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A section a template asks to have drafted: {@code [#draft a summary of the client's injuries from: medical
 * records, notes]}, alone in its paragraph. The instruction says what to write; each source is the word
 * {@code notes} (the case's notes), a field name such as {@code IncidentDescription} (its value), or otherwise the
 * kind of case document whose text to use ({@code medical records}).
 */
public record DraftSection(String instruction, List<String> sources, Location location) {

    static final String EXAMPLE = "[#draft a summary of the client's injuries from: medical records]";

    public DraftSection {
        sources = List.copyOf(sources);
    }

    /** Whether a source names the case's notes. */
    public static boolean isNotes(String source) {
        return source.equalsIgnoreCase("notes");
    }

    /** Whether a source names a field (a placeholder name) rather than a kind of document. */
    public static boolean isField(String source) {
        return !isNotes(source) && source.matches("[A-Z][A-Za-z0-9]*");
    }

    /** The section a draft tag stands for, or a problem saying what is wrong with the tag. */
    static Parsed parse(String tag) {
        String body = tag.substring("[#draft".length(), tag.length() - 1).strip();
        int from = body.toLowerCase(Locale.ROOT).lastIndexOf("from:");
        // "a summary of the injuries, from: ..." reads naturally; the comma is not part of the instruction
        String instruction = (from < 0 ? body : body.substring(0, from)).replaceAll("[\\s,;:]+$", "").strip();
        if (instruction.isEmpty()) {
            return new Parsed(null, "'" + tag + "' says nothing to write: give the instruction and its sources, e.g. "
                    + EXAMPLE);
        }
        List<String> sources = new ArrayList<>();
        if (from >= 0) {
            for (String s : body.substring(from + "from:".length()).split("[,;]")) {
                String source = s.strip();
                if (!source.isEmpty()) {
                    sources.add(isField(source) ? source : source.toLowerCase(Locale.ROOT));
                }
            }
        }
        if (sources.isEmpty()) {
            return new Parsed(null, "'" + tag + "' names no sources: end it with from: and what to write it from:"
                    + " kinds of case documents (medical records), notes, or fields such as IncidentDescription,"
                    + " e.g. " + EXAMPLE);
        }
        return new Parsed(new DraftSection(instruction, sources, null), null);
    }

    DraftSection at(Location where) {
        return new DraftSection(instruction, sources, where);
    }

    record Parsed(DraftSection section, String problem) {
    }
}
