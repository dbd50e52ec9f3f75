package io.dictum.core.portal;

import java.time.LocalDate;

/** Changes to a milestone: absent fields stay as they are; a blank description removes it. */
public record MilestonePatch(String title, LocalDate date, String description, Boolean clientVisible) {
}
