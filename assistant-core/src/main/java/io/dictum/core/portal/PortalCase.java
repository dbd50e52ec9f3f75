package io.dictum.core.portal;

import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseStatus;
import io.dictum.core.cases.MatterType;
import java.time.LocalDate;

/**
 * A case as its client sees it in the portal: what it is, where it stands, who at the firm is responsible, the next
 * milestone they may see and how many of the firm's messages they have not read.
 */
public record PortalCase(CaseId id, String number, String title, MatterType matterType, CaseStatus status,
                         String court, LocalDate openedOn, LocalDate closedOn, String responsibleAttorney,
                         Milestone nextMilestone, long unreadMessages) {
}
