package io.dictum.core.cases;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.conflicts.ConflictHit;
import io.dictum.core.conflicts.ConflictService;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.contacts.ContactService;
import io.dictum.core.contacts.NewContact;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.index.IndexChangeLog;
import io.dictum.core.index.IndexService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Adds parties to cases, running a conflict check on every new party first. */
@Service
public class PartyService {

    private final CaseService cases;
    private final PartyRepository parties;
    private final ContactRepository contacts;
    private final ConflictService conflicts;
    private final IndexChangeLog changes;
    private final IndexService index;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final AuditLog audit;

    public PartyService(CaseService cases, PartyRepository parties, ContactRepository contacts,
                        ConflictService conflicts, IndexChangeLog changes, IndexService index,
                        TransactionalOperator tx, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.cases = cases;
        this.parties = parties;
        this.contacts = contacts;
        this.conflicts = conflicts;
        this.changes = changes;
        this.index = index;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<AddedParty> add(Actor actor, CaseId caseId, NewParty request) {
        CaseAccess.requireFirmMember(actor, "add parties");
        PartyRole role;
        try {
            role = PartyRole.fromId(request.role() == null ? "" : request.role());
        } catch (IllegalArgumentException e) {
            return Mono.error(new InvalidInputException(e.getMessage()));
        }
        return cases.get(actor, caseId).flatMap(c -> contact(request)
                .flatMap(contact -> conflicts.check(actor, contact.name(), Optional.of(role))
                        // The contact's own existing parties in this very case are no news to whoever adds it.
                        .map(hits -> hits.stream().filter(h -> !(caseId.equals(h.caseId())
                                && contact.id().equals(h.contactId()))).toList())
                        .flatMap(hits -> store(actor, c, contact, role, request.contactId() == null, hits))));
    }

    private Mono<AddedParty> store(Actor actor, LegalCase c, Contact contact, PartyRole role, boolean newContact,
                                   List<ConflictHit> hits) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Party party = new Party(c.id(), contact.id(), contact.name(), role);
        return parties.findByCase(c.id())
                .filter(p -> p.contactId().equals(contact.id()) && p.role() == role)
                .hasElements()
                .flatMap(exists -> exists ? Mono.error(new ConflictException(contact.name() + " is already "
                        + role.id().replace('_', ' ') + " in " + c.title() + "."))
                        : (newContact ? contacts.insert(contact, now)
                                .then(changes.append(IndexChangeLog.Kind.CONTACT, contact.id().value()))
                                : Mono.<Void>empty())
                        .then(parties.insert(party, now))
                        .then(changes.append(IndexChangeLog.Kind.CASE, c.id().value()))
                        .then(audit.record(actor, "party.add", "contact", contact.id().toString(), c.id(),
                                contact.name() + " as " + role.id() + "; conflict hits=" + hits.size()
                                        + (hits.stream().anyMatch(ConflictHit::dangerous) ? " (dangerous)" : "")))
                        .as(tx::transactional)
                        .then(newContact ? index.changed(IndexChangeLog.Kind.CONTACT, contact.id().value())
                                : Mono.<Void>empty())
                        .then(index.caseChanged(c.id()))
                        .thenReturn(new AddedParty(party, hits)));
    }

    private Mono<Contact> contact(NewParty request) {
        if (request.contactId() != null && !request.contactId().isBlank()) {
            ContactId id;
            try {
                id = ContactId.parse(request.contactId());
            } catch (IllegalArgumentException e) {
                return Mono.error(new InvalidInputException("contactId '" + request.contactId()
                        + "' is not a contact id"));
            }
            return contacts.findById(id).switchIfEmpty(Mono.error(() -> new InvalidInputException(
                    "No contact with id " + id + "; give name instead to create one.")));
        }
        if (request.name() == null || request.name().isBlank()) {
            return Mono.error(new InvalidInputException("contactId or name is required"));
        }
        return Mono.fromCallable(() -> ContactService.validate(new NewContact(request.name(), request.kind(),
                List.of(), null, null)));
    }
}
