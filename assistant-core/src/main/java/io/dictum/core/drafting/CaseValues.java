package io.dictum.core.drafting;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.Party;
import io.dictum.core.cases.PartyRole;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.deadlines.DocketService;
import io.dictum.core.deadlines.DocketedDeadline;
import io.dictum.core.users.User;
import io.dictum.core.users.UserService;
import io.dictum.templates.docx.LegalFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The values a case file gives a template: the case, its client and parties by role, docketed deadlines, the signing
 * user and the firm, formatted as documents write them. Values the file does not have are left out, so the template
 * reports them as missing instead of printing nothing.
 */
@Component
public class CaseValues {

    private final CaseService cases;
    private final ContactRepository contacts;
    private final UserService users;
    private final DocketService docket;
    private final FirmProperties firm;
    private final FirmCalendar calendar;

    public CaseValues(CaseService cases, ContactRepository contacts, UserService users, DocketService docket,
                      FirmProperties firm, FirmCalendar calendar) {
        this.cases = cases;
        this.contacts = contacts;
        this.users = users;
        this.docket = docket;
        this.firm = firm;
        this.calendar = calendar;
    }

    public LocalDate today() {
        return calendar.today();
    }

    /** The values that need no case: today, the signing user and the firm. */
    public Mono<Map<String, Object>> general(Actor actor) {
        return users.findById(actor.userId()).map(Optional::of).defaultIfEmpty(Optional.empty()).map(user -> {
            Map<String, Object> values = new LinkedHashMap<>();
            put(values, "Today", LegalFormat.date(today()));
            put(values, "AttorneyName", user.map(User::displayName).orElse(null));
            put(values, "FirmName", firm.name());
            put(values, "FirmAddress", firm.address());
            put(values, "FirmPhone", firm.phone());
            put(values, "FirmEmail", firm.email());
            return values;
        });
    }

    /** Everything the case file says, for a case the actor may see (a not-found otherwise). */
    public Mono<Map<String, Object>> forCase(Actor actor, CaseId caseId) {
        return cases.get(actor, caseId).flatMap(c -> Mono.zip(
                        general(actor),
                        contacts.findById(c.clientId()).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        cases.parties(actor, c.id()).collectList(),
                        docket.list(actor, Optional.of(c.id()), today().toString(), null).collectList())
                .map(t -> values(c, t.getT1(), t.getT2(), t.getT3(), t.getT4())));
    }

    private static Map<String, Object> values(LegalCase c, Map<String, Object> general, Optional<Contact> client,
                                              List<Party> parties, List<DocketedDeadline> deadlines) {
        Map<String, Object> values = new LinkedHashMap<>(general);
        put(values, "CaseNumber", c.number());
        put(values, "CaseTitle", c.title());
        put(values, "MatterType", c.matterType().spoken());
        put(values, "Court", c.court());
        put(values, "OpenedDate", c.openedOn() == null ? null : LegalFormat.date(c.openedOn()));
        put(values, "ClientName", client.map(Contact::name)
                .orElseGet(() -> LegalFormat.list(names(parties, PartyRole.CLIENT))));
        put(values, "ClientEmail", client.map(Contact::email).orElse(null));
        put(values, "ClientPhone", client.map(Contact::phone).orElse(null));
        put(values, "OpposingParty", LegalFormat.list(names(parties, PartyRole.OPPOSING_PARTY)));
        values.put("OpposingParties", items(names(parties, PartyRole.OPPOSING_PARTY)));
        values.put("Defendants", items(names(parties, PartyRole.OPPOSING_PARTY)));
        put(values, "OpposingCounsel", LegalFormat.list(names(parties, PartyRole.OPPOSING_COUNSEL)));
        put(values, "Insurer", LegalFormat.list(names(parties, PartyRole.INSURER)));
        put(values, "Judge", LegalFormat.list(names(parties, PartyRole.JUDGE)));
        put(values, "CoCounsel", LegalFormat.list(names(parties, PartyRole.CO_COUNSEL)));
        values.put("Witnesses", items(names(parties, PartyRole.WITNESS)));
        values.put("Experts", items(names(parties, PartyRole.EXPERT)));
        List<Map<String, Object>> due = new ArrayList<>();
        for (DocketedDeadline d : deadlines) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("Title", d.title());
            item.put("DueDate", LegalFormat.date(d.dueDate()));
            item.put("Citation", d.citation());
            due.add(item);
        }
        values.put("Deadlines", due);
        if (!deadlines.isEmpty()) {
            put(values, "NextDeadline", deadlines.get(0).title());
            put(values, "NextDeadlineDate", LegalFormat.date(deadlines.get(0).dueDate()));
        }
        return values;
    }

    private static List<String> names(List<Party> parties, PartyRole role) {
        return parties.stream().filter(p -> p.role() == role).map(Party::name).distinct().toList();
    }

    private static List<Map<String, Object>> items(List<String> names) {
        return names.stream().<Map<String, Object>>map(n -> Map.of("Name", n)).toList();
    }

    private static void put(Map<String, Object> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
        }
    }
}
