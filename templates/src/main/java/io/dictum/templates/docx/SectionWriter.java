package io.dictum.templates.docx;

import java.util.Optional;

/**
 * Writes the sections a template marks with {@code [#draft ...]} while it is filled. The template module knows
 * nothing of where the text comes from; the caller gathers the sources and decides who writes. Empty (or an
 * exception) means the section could not be written: the draft then says it needs writing, and is still produced.
 */
@FunctionalInterface
public interface SectionWriter {

    /** Writes nothing: every drafted section says it needs writing. */
    SectionWriter NONE = section -> Optional.empty();

    Optional<SectionText> write(DraftSection section);
}
