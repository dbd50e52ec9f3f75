package io.dictum.core.cases;

import io.dictum.core.users.UserId;
import java.time.LocalDate;

/**
 * Changes to a case; absent (null) fields stay as they are. {@code responsibleUserId} is the attorney whom deadline
 * reminders reach first.
 */
public record CasePatch(String title, String matterType, String status, String court, LocalDate closedOn,
                        UserId responsibleUserId) {
}
