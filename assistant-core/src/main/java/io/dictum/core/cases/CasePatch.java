package io.dictum.core.cases;

import java.time.LocalDate;

/** Changes to a case; absent (null) fields stay as they are. */
public record CasePatch(String title, String matterType, String status, String court, LocalDate closedOn) {
}
