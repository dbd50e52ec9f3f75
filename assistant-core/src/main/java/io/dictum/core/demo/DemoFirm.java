package io.dictum.core.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dictum.core.access.Actor;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.CaseStatus;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.MatterType;
import io.dictum.core.cases.Party;
import io.dictum.core.cases.PartyRepository;
import io.dictum.core.cases.PartyRole;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.contacts.ContactKind;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.documents.DocumentService;
import io.dictum.core.index.IndexChangeLog;
import io.dictum.core.users.NewUser;
import io.dictum.core.users.Role;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.users.UserService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Loads the demo firm of {@code demo-firm.yaml} into an empty database. */
@Component
public class DemoFirm {

    private static final Logger log = LoggerFactory.getLogger(DemoFirm.class);

    record Data(String password, List<DemoUser> users, List<DemoContact> contacts, List<DemoCase> cases,
                List<DemoDocument> documents) {
    }

    record DemoUser(String username, String role, String displayName, String contact) {
    }

    record DemoContact(String name, String kind, List<String> aliases, String email, String phone) {
    }

    record DemoParty(String name, String role) {
    }

    record DemoCase(String number, String title, String matterType, String client, String court, LocalDate openedOn,
                    String status, LocalDate closedOn, List<DemoParty> parties) {
    }

    record DemoDocument(String caseNumber, String name, String kind, String filename, String text) {
    }

    private final UserService users;
    private final ContactRepository contacts;
    private final CaseRepository cases;
    private final PartyRepository parties;
    private final IndexChangeLog changes;
    private final DocumentService documents;
    private final TransactionalOperator tx;

    public DemoFirm(UserService users, ContactRepository contacts, CaseRepository cases, PartyRepository parties,
                    IndexChangeLog changes, DocumentService documents, TransactionalOperator tx) {
        this.users = users;
        this.contacts = contacts;
        this.cases = cases;
        this.parties = parties;
        this.changes = changes;
        this.documents = documents;
        this.tx = tx;
    }

    static Data read() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = DemoFirm.class.getResourceAsStream("demo-firm.yaml")) {
            return yaml.readValue(in, Data.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled demo firm cannot be read: " + e.getMessage(), e);
        }
    }

    /** Loads the demo firm when the database holds no case yet; a second start changes nothing. */
    public Mono<Void> loadIfEmpty() {
        return cases.count().flatMap(n -> n > 0 ? Mono.<Void>empty() : load(read()));
    }

    private Mono<Void> load(Data data) {
        log.info("Loading the demo firm: {} users, {} contacts, {} cases, {} documents", data.users().size(),
                data.contacts().size(), data.cases().size(), data.documents().size());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, ContactId> contactIds = new HashMap<>();
        Map<String, CaseId> caseIds = new HashMap<>();
        Mono<Void> contactsAndCases = Flux.fromIterable(data.contacts()).concatMap(c -> {
            Contact contact = new Contact(ContactId.random(), c.name(), ContactKind.fromId(c.kind()),
                    c.aliases() == null ? List.of() : c.aliases(), c.email(), c.phone());
            contactIds.put(c.name(), contact.id());
            return contacts.insert(contact, now)
                    .then(changes.append(IndexChangeLog.Kind.CONTACT, contact.id().value()));
        }).thenMany(Flux.fromIterable(data.cases()).concatMap(c -> {
            LegalCase legalCase = new LegalCase(CaseId.random(), c.number(), c.title(), new MatterType(c.matterType()),
                    c.status() == null ? CaseStatus.OPEN : CaseStatus.fromId(c.status()), contact(contactIds, c.client()),
                    c.court(), c.openedOn(), c.closedOn(), null, now, now);
            caseIds.put(c.number(), legalCase.id());
            Flux<Party> all = Flux.concat(Flux.just(new Party(legalCase.id(), legalCase.clientId(), c.client(),
                    PartyRole.CLIENT)), Flux.fromIterable(c.parties() == null ? List.of() : c.parties())
                    .map(p -> new Party(legalCase.id(), contact(contactIds, p.name()), p.name(),
                            PartyRole.fromId(p.role()))));
            return cases.insert(legalCase)
                    .thenMany(all.concatMap(p -> parties.insert(p, now)))
                    .then(changes.append(IndexChangeLog.Kind.CASE, legalCase.id().value()));
        })).then().as(tx::transactional);

        Mono<Void> logins = Flux.fromIterable(data.users()).concatMap(u -> users.create(new NewUser(u.username(),
                        data.password(), Role.fromId(u.role()), u.displayName(),
                        u.contact() == null ? null : contact(contactIds, u.contact())))
                .onErrorResume(ConflictException.class, e -> {
                    log.info("Demo user '{}' exists already; kept as it is", u.username());
                    return Mono.empty();
                })).then();

        // The demo's documents are added by the system itself, not by a user.
        Actor system = new Actor(null, "demo-loader", Role.ADMIN, Optional.empty());
        Mono<Void> docs = Flux.fromIterable(data.documents()).concatMap(d -> documents.add(system,
                caseIds.get(d.caseNumber()), d.name(), d.kind(), d.filename(), d.text().getBytes(StandardCharsets.UTF_8)))
                .then();

        return contactsAndCases.then(logins).then(docs)
                .doOnSuccess(v -> log.info("Demo firm loaded. Sign in as ahale / {} (README lists every login)",
                        data.password()));
    }

    private static ContactId contact(Map<String, ContactId> ids, String name) {
        ContactId id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException("demo-firm.yaml names contact '" + name + "' that it does not list");
        }
        return id;
    }
}
