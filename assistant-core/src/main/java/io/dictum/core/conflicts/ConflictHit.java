package io.dictum.core.conflicts;

import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.PartyRole;
import io.dictum.core.contacts.ContactId;
import java.util.List;

/**
 * A contact whose name (or alias) may be the one checked, with the case and role it has there (both null for a
 * contact in no case), why it matched, and whether it is dangerous: a proposed opposing party who is or was a
 * client of the firm.
 */
public record ConflictHit(String matchedName, ContactId contactId, String contactName, CaseId caseId,
                          String caseNumber, String caseTitle, PartyRole role, double score, List<String> reasons,
                          boolean dangerous) {
}
