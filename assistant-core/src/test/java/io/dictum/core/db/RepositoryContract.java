package io.dictum.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseFilter;
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
import io.dictum.core.documents.DocumentId;
import io.dictum.core.documents.DocumentRepository;
import io.dictum.core.index.IndexChangeLog;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.users.Role;
import io.dictum.core.users.User;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserRepository;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The repositories' behaviour, written once and run against every supported database: H2 and PostgreSQL must
 * behave the same.
 */
abstract class RepositoryContract extends DatabaseContract {

    // Microseconds: what both databases keep of a timestamp.
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

    private CaseRepository cases;
    private ContactRepository contacts;
    private PartyRepository parties;
    private UserRepository users;
    private DocumentRepository documents;
    private IndexChangeLog changes;

    @BeforeAll
    void setUp() throws Exception {
        cases = new CaseRepository(db.client);
        contacts = new ContactRepository(db.client);
        parties = new PartyRepository(db.client);
        users = new UserRepository(db.client);
        documents = new DocumentRepository(db.client);
        changes = new IndexChangeLog(db.client);
    }

    private Contact newContact(String name, List<String> aliases) {
        Contact c = new Contact(ContactId.random(), name, ContactKind.PERSON, aliases, null, "+1 555 0100");
        contacts.insert(c, NOW).block();
        return c;
    }

    private LegalCase newCase(String number, Contact client) {
        LegalCase c = new LegalCase(CaseId.random(), number, "Case " + number, new MatterType("personal_injury"),
                CaseStatus.OPEN, client.id(), null, LocalDate.of(2026, 2, 28), null, null, NOW, NOW);
        cases.insert(c).block();
        return c;
    }

    @Test
    void caseRoundTripKeepsEveryFieldIncludingNulls() {
        Contact client = newContact("Ada Lovelace", List.of());
        LegalCase c = newCase("T-ROUND-1", client);
        LegalCase read = cases.findById(c.id()).block();
        assertThat(read).isNotNull();
        assertThat(read.number()).isEqualTo("T-ROUND-1");
        assertThat(read.matterType()).isEqualTo(new MatterType("personal_injury"));
        assertThat(read.clientId()).isEqualTo(client.id());
        assertThat(read.court()).isNull();
        assertThat(read.closedOn()).isNull();
        assertThat(read.openedOn()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(read.createdAt().toInstant()).isEqualTo(NOW.toInstant());
    }

    @Test
    void updateChangesTheMutableColumns() {
        LegalCase c = newCase("T-UPD-1", newContact("Grace Hopper", List.of()));
        LegalCase closed = new LegalCase(c.id(), c.number(), "Renamed", new MatterType("contract"),
                CaseStatus.CLOSED, c.clientId(), "Superior Court", c.openedOn(), LocalDate.of(2026, 3, 1), null,
                c.createdAt(), NOW.plusHours(1));
        cases.update(closed).block();
        LegalCase read = cases.findById(c.id()).block();
        assertThat(read.title()).isEqualTo("Renamed");
        assertThat(read.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(read.court()).isEqualTo("Superior Court");
        assertThat(read.closedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void pagesCanBeLimitedToOneClient() {
        Contact mine = newContact("Client Only", List.of());
        newCase("T-PAGE-1", mine);
        newCase("T-PAGE-2", mine);
        newCase("T-PAGE-3", newContact("Someone Else", List.of()));
        CaseFilter client = CaseFilter.of(new Actor(UserId.random(), "client", Role.CLIENT, Optional.of(mine.id())));
        List<LegalCase> page = cases.findPage(client, Optional.empty(), PageRequest.of(0, 10, null)).collectList()
                .block();
        assertThat(page).extracting(LegalCase::number).containsExactlyInAnyOrder("T-PAGE-1", "T-PAGE-2");
        assertThat(cases.findPage(client, Optional.empty(), PageRequest.of(1, 1, "number,desc")).collectList()
                .block()).extracting(LegalCase::number).containsExactly("T-PAGE-1");
        assertThat(cases.findPage(client, Optional.empty(), PageRequest.of(0, 1, "number")).collectList()
                .block()).extracting(LegalCase::number).containsExactly("T-PAGE-1");
        assertThat(cases.countVisible(client, Optional.empty()).block()).isEqualTo(2);
        assertThat(cases.countVisible(client, Optional.of(CaseStatus.CLOSED)).block()).isZero();
        for (String sort : List.of("title", "openedOn,desc", "closedOn,asc", "status", "matterType", "updatedAt")) {
            assertThat(cases.findPage(client, Optional.empty(), PageRequest.of(0, 10, sort)).count().block())
                    .as(sort).isEqualTo(2);
        }
        assertThatThrownBy(() -> cases.findPage(client, Optional.empty(), PageRequest.of(0, 10, "client_id;drop")))
                .isInstanceOf(io.dictum.core.errors.InvalidInputException.class)
                .hasMessageContaining("number, title, openedOn");
        assertThat(cases.numberExists("T-PAGE-3").block()).isTrue();
        assertThat(cases.numberExists("T-NOPE").block()).isFalse();
        assertThat(cases.countNumbersStartingWith("T-PAGE-").block()).isEqualTo(3);
    }

    @Test
    void anEthicalWallHidesTheCaseFromTheScreenedUserOnly() {
        LegalCase walled = newCase("T-WALL-1", newContact("Walled Client", List.of()));
        User screened = new User(UserId.random(), "screened-" + walled.id().toString().substring(0, 8), Role.ASSOCIATE,
                "Screened Associate", Optional.empty());
        users.insert(screened, "$2a$10$hash", NOW).block();
        var teams = new io.dictum.core.access.CaseTeamRepository(db.client);
        assertThat(teams.screen(walled.id(), screened.id(), "joined from opposing counsel's firm", NOW).block())
                .isTrue();
        assertThat(teams.screen(walled.id(), screened.id(), "again", NOW).block()).isFalse();
        Actor screenedActor = new Actor(screened.id(), screened.username(), Role.ASSOCIATE, Optional.empty());
        Actor colleague = new Actor(UserId.random(), "colleague", Role.ASSOCIATE, Optional.empty());
        assertThat(cases.findPage(CaseFilter.of(screenedActor), Optional.empty(), PageRequest.of(0, 200, null))
                .map(LegalCase::number)
                .collectList().block()).doesNotContain("T-WALL-1");
        assertThat(cases.findPage(CaseFilter.of(colleague), Optional.empty(), PageRequest.of(0, 200, null))
                .map(LegalCase::number)
                .collectList().block()).contains("T-WALL-1");
        assertThat(teams.isScreened(walled.id(), screened.id()).block()).isTrue();
        assertThat(teams.screenedFrom(screened.id()).collectList().block()).containsExactly(walled.id());
    }

    @Test
    void duplicateCaseNumberIsRefusedByTheDatabase() {
        Contact client = newContact("Dup Client", List.of());
        newCase("T-DUP-1", client);
        assertThatThrownBy(() -> newCase("T-DUP-1", client)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void contactsKeepTheirAliases() {
        Contact c = newContact("Robert Johnson", List.of("Bob Johnson", "R. Johnson"));
        Contact read = contacts.findById(c.id()).block();
        assertThat(read.aliases()).containsExactly("Bob Johnson", "R. Johnson");
        assertThat(read.phone()).isEqualTo("+1 555 0100");
        assertThat(contacts.findByNameIgnoringCase("robert JOHNSON").map(Contact::id).collectList().block())
                .contains(c.id());
    }

    @Test
    void partiesComeBackWithTheirContactNames() {
        Contact client = newContact("Party Client", List.of());
        Contact insurer = newContact("Acme Insurance Co.", List.of());
        LegalCase c = newCase("T-PARTY-1", client);
        parties.insert(new Party(c.id(), client.id(), client.name(), PartyRole.CLIENT), NOW).block();
        parties.insert(new Party(c.id(), insurer.id(), insurer.name(), PartyRole.INSURER), NOW).block();
        assertThat(parties.findByCase(c.id()).collectList().block())
                .extracting(Party::name, Party::role)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Party Client", PartyRole.CLIENT),
                        org.assertj.core.groups.Tuple.tuple("Acme Insurance Co.", PartyRole.INSURER));
    }

    @Test
    void usersAreFoundByNameWithTheirHashAndUsernamesAreUnique() {
        Contact contact = newContact("Portal Client", List.of());
        User user = new User(UserId.random(), "portal-" + contact.id().toString().substring(0, 8), Role.CLIENT,
                "Portal Client", Optional.of(contact.id()));
        users.insert(user, "$2a$10$hash", NOW).block();
        UserRepository.Credentials found = users.findCredentials(user.username()).block();
        assertThat(found.user()).isEqualTo(user);
        assertThat(found.passwordHash()).isEqualTo("$2a$10$hash");
        assertThatThrownBy(() -> users.insert(new User(UserId.random(), user.username(), Role.STAFF, "x",
                Optional.empty()), "h", NOW).block()).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aUsersNameRoleAndEmailChangeInPlace() {
        User user = new User(UserId.random(), "changing-" + UUID.randomUUID().toString().substring(0, 8),
                Role.ASSOCIATE, "Before", Optional.empty());
        users.insert(user, "$2a$10$hash", NOW).block();
        assertThat(users.findEmail(user.id()).block()).isEmpty();
        long partners = users.countRole(Role.PARTNER).block();
        users.update(user.id(), "After", Role.PARTNER).block();
        users.setEmail(user.id(), "after@firm.example").block();
        assertThat(users.findById(user.id()).block()).isEqualTo(new User(user.id(), user.username(), Role.PARTNER,
                "After", Optional.empty()));
        assertThat(users.findEmail(user.id()).block()).contains("after@firm.example");
        assertThat(users.countRole(Role.PARTNER).block()).isEqualTo(partners + 1);
        users.setEmail(user.id(), null).block();
        assertThat(users.findEmail(user.id()).block()).isEmpty();
    }

    @Test
    void aDocumentShowsItsNewestVersion() {
        LegalCase c = newCase("T-DOC-1", newContact("Doc Client", List.of()));
        DocumentId id = DocumentId.random();
        documents.insertDocument(id, c.id(), "Police Report", "police report", null, NOW).block();
        documents.insertVersion(id, 1, new DocumentRepository.NewVersion("a.txt", "text/plain", 3, "a".repeat(64), "k1",
                true, null, "first text"), null, NOW).block();
        documents.insertVersion(id, 2, new DocumentRepository.NewVersion("b.txt", "application/pdf", 5,
                "b".repeat(64), "k2", false, "the file is encrypted", null), null, NOW).block();
        var read = documents.findById(id).block();
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.filename()).isEqualTo("b.txt");
        assertThat(documents.findByCase(c.id(), false, PageRequest.of(0, 10, null)).collectList().block()).hasSize(1);
        // nothing is shared with the client yet
        assertThat(documents.findByCase(c.id(), true, PageRequest.of(0, 10, null)).collectList().block()).isEmpty();
        assertThat(documents.countByCase(c.id(), true).block()).isZero();
        for (String sort : List.of("name", "kind,desc", "updatedAt", "createdAt", "size,desc", "version")) {
            assertThat(documents.findByCase(c.id(), false, PageRequest.of(0, 10, sort)).map(d -> d.version())
                    .collectList().block()).as(sort).containsExactly(2);
        }
        assertThat(documents.countByCase(c.id(), false).block()).isEqualTo(1);
        assertThat(documents.storageKey(id, 1).block()).isEqualTo("k1");
        assertThat(documents.lastVersion(id).block()).isEqualTo(2);
        assertThat(documents.newestText(id).block()).isNull();
        var versions = documents.versions(id).collectList().block();
        assertThat(versions).extracting(v -> v.version()).containsExactly(2, 1);
        assertThat(versions.get(0).searchable()).isFalse();
        assertThat(versions.get(0).notSearchableReason()).isEqualTo("the file is encrypted");
        String longText = "settlement ".repeat(20_000);
        DocumentId big = DocumentId.random();
        documents.insertDocument(big, c.id(), "Long", null, null, NOW).block();
        documents.insertVersion(big, 1, new DocumentRepository.NewVersion("l.txt", "text/plain", 1, "c".repeat(64),
                "k3", true, null, longText), null, NOW).block();
        assertThat(documents.newestText(big).block()).isEqualTo(longText);
    }

    @Test
    void notesPartiesAndVersionsOfACasePageInEveryWhitelistedOrder() {
        Contact client = newContact("Paging Client", List.of());
        Contact witness = newContact("Abigail Witness", List.of());
        LegalCase c = newCase("T-LISTS-1", client);
        parties.insert(new Party(c.id(), client.id(), client.name(), PartyRole.CLIENT), NOW).block();
        parties.insert(new Party(c.id(), witness.id(), witness.name(), PartyRole.WITNESS), NOW.plusSeconds(1)).block();
        assertThat(parties.findByCase(c.id(), PageRequest.of(0, 1, null)).map(Party::name).collectList().block())
                .containsExactly("Paging Client");
        assertThat(parties.findByCase(c.id(), PageRequest.of(0, 5, "name")).map(Party::name).collectList().block())
                .containsExactly("Abigail Witness", "Paging Client");
        assertThat(parties.findByCase(c.id(), PageRequest.of(1, 1, "role,desc")).map(Party::role).collectList()
                .block()).containsExactly(PartyRole.CLIENT);
        assertThat(parties.countByCase(c.id()).block()).isEqualTo(2);
        for (String sort : List.of("name,desc", "role", "addedAt,desc")) {
            assertThat(parties.findByCase(c.id(), PageRequest.of(0, 5, sort)).collectList().block()).as(sort)
                    .hasSize(2);
        }

        var notes = new io.dictum.core.notes.NoteRepository(db.client);
        User author = new User(UserId.random(), "pager-" + c.id().toString().substring(0, 8), Role.ASSOCIATE,
                "Pager", Optional.empty());
        users.insert(author, "h", NOW).block();
        for (int n = 0; n < 3; n++) {
            notes.insert(new io.dictum.core.notes.Note(UUID.randomUUID(), c.id(), "note " + "x".repeat(n),
                    author.id(), author.username(), NOW.plusSeconds(n))).block();
        }
        assertThat(notes.findByCase(c.id(), PageRequest.of(0, 2, null)).map(n -> n.text()).collectList().block())
                .containsExactly("note xx", "note x");
        assertThat(notes.findByCase(c.id(), PageRequest.of(1, 2, "length")).map(n -> n.text()).collectList()
                .block()).containsExactly("note xx");
        assertThat(notes.countByCase(c.id()).block()).isEqualTo(3);
        for (String sort : List.of("createdAt", "author,desc", "length,desc")) {
            assertThat(notes.findByCase(c.id(), PageRequest.of(0, 5, sort)).collectList().block()).as(sort)
                    .hasSize(3);
        }

        DocumentId id = DocumentId.random();
        documents.insertDocument(id, c.id(), "Letter", null, null, NOW).block();
        for (int v = 1; v <= 3; v++) {
            documents.insertVersion(id, v, new DocumentRepository.NewVersion("letter-" + v + ".txt", "text/plain",
                    10 * (4 - v), String.valueOf(v).repeat(64), "page-k" + v, true, null, "text"), null,
                    NOW.plusSeconds(v)).block();
        }
        assertThat(documents.versions(id, PageRequest.of(0, 2, null)).map(v -> v.version()).collectList().block())
                .containsExactly(3, 2);
        assertThat(documents.versions(id, PageRequest.of(0, 5, "size")).map(v -> v.version()).collectList()
                .block()).containsExactly(3, 2, 1);
        assertThat(documents.countVersions(id).block()).isEqualTo(3);
        for (String sort : List.of("version", "createdAt,desc", "size", "filename", "mediaType")) {
            assertThat(documents.versions(id, PageRequest.of(0, 5, sort)).collectList().block()).as(sort).hasSize(3);
        }
    }

    @Test
    void theChangeLogIsReadInOrderFromASequence() {
        long before = changes.lastSeq().block();
        CaseId a = CaseId.random();
        CaseId b = CaseId.random();
        changes.append(IndexChangeLog.Kind.CASE, a.value()).then(changes.append(IndexChangeLog.Kind.DOCUMENT,
                b.value())).block();
        List<IndexChangeLog.Change> since = changes.since(before).collectList().block();
        assertThat(since).extracting(IndexChangeLog.Change::entityId).containsExactly(a.value(), b.value());
        assertThat(changes.lastSeq().block()).isEqualTo(since.get(1).seq());
    }

    @Test
    void tasksAndTheAuditTrailPageInEveryWhitelistedOrder() {
        var tasks = new io.dictum.core.tasks.TaskRepository(db.client);
        Actor partner = new Actor(UserId.random(), "partner", Role.PARTNER, Optional.empty());
        for (String sort : List.of("dueOn", "createdAt,desc", "status", "description,asc", "doneAt")) {
            assertThat(tasks.find(CaseFilter.of(partner), partner.userId(), Optional.empty(), Optional.empty(),
                    Optional.empty(), PageRequest.of(0, 5, sort)).collectList().block()).as(sort).isEmpty();
        }
        assertThat(tasks.count(CaseFilter.of(partner), partner.userId(), Optional.empty(), Optional.empty(),
                Optional.empty()).block()).isZero();
        io.dictum.core.audit.AuditLog audit = new io.dictum.core.audit.AuditLog(db.client, db.tx,
                java.time.Clock.systemUTC());
        LegalCase c = newCase("T-AUDIT-PAGE", newContact("Audit Page Client", List.of()));
        for (String action : List.of("b.second", "a.first", "c.third")) {
            audit.record(null, "tester", action, "case", c.id().toString(), c.id(), action).block();
        }
        var newest = audit.page(Optional.of(c.id()), PageRequest.of(0, 2, null)).block();
        assertThat(newest.total()).isEqualTo(3);
        assertThat(newest.items()).extracting(r -> r.action()).containsExactly("c.third", "a.first");
        assertThat(audit.page(Optional.of(c.id()), PageRequest.of(1, 2, "action,asc")).block().items())
                .extracting(r -> r.action()).containsExactly("c.third");
        for (String sort : List.of("at", "actor,desc", "entityKind")) {
            assertThat(audit.page(Optional.empty(), PageRequest.of(0, 1, sort)).block().items()).as(sort).hasSize(1);
        }
    }

    @Test
    void theAuditChainDetectsAnEditedOrDeletedRecord() throws Exception {
        io.dictum.core.audit.AuditLog audit = new io.dictum.core.audit.AuditLog(db.client, db.tx,
                java.time.Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            audit.record(null, "tester", "test.write", "case", "c-" + i, null, "write " + i).block();
        }
        var fine = audit.verify().block();
        assertThat(fine.valid()).isTrue();
        long last = fine.records();

        db.client.sql("UPDATE audit_records SET details = 'write 99' WHERE seq = :seq").bind("seq", last - 2)
                .then().block();
        var edited = audit.verify().block();
        assertThat(edited.valid()).isFalse();
        assertThat(edited.firstBrokenId()).isEqualTo(last - 2);
        assertThat(edited.problem()).contains("changed");
        db.client.sql("UPDATE audit_records SET details = 'write 2' WHERE seq = :seq").bind("seq", last - 2)
                .then().block();
        assertThat(audit.verify().block().valid()).isTrue();

        db.client.sql("DELETE FROM audit_records WHERE seq = :seq").bind("seq", last - 1).then().block();
        var deleted = audit.verify().block();
        assertThat(deleted.valid()).isFalse();
        assertThat(deleted.firstBrokenId()).isEqualTo(last - 1);
        assertThat(deleted.problem()).contains("missing");
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        Contact client = newContact("Rollback Client", List.of());
        LegalCase c = new LegalCase(CaseId.random(), "T-RB-1", "Rolled back", new MatterType("other"),
                CaseStatus.OPEN, client.id(), null, LocalDate.of(2026, 1, 1), null, null, NOW, NOW);
        Mono<Void> failing = cases.insert(c)
                .then(changes.append(IndexChangeLog.Kind.CASE, c.id().value()))
                .then(Mono.<Void>error(new IllegalStateException("crash mid-write")))
                .as(db.tx::transactional);
        assertThatThrownBy(failing::block).hasMessageContaining("crash mid-write");
        assertThat(cases.findById(c.id()).block()).isNull();
        assertThat(cases.numberExists("T-RB-1").block()).isFalse();
    }
}
