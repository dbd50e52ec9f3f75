package io.dictum.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.FirmCalendar;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.CaseStatus;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.MatterType;
import io.dictum.core.cases.PartyRepository;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.contacts.ContactKind;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.db.TestDatabase;
import io.dictum.core.documents.DocumentRepository;
import io.dictum.core.notes.Note;
import io.dictum.core.notes.NoteRepository;
import io.dictum.core.testing.AdjustableClock;
import io.dictum.core.users.UserId;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is derived data: rebuilt when missing, caught up from the change log after a crash. */
class IndexServiceTest {

    @TempDir
    Path dir;

    private TestDatabase db;
    private CaseRepository cases;
    private ContactRepository contacts;
    private IndexChangeLog changes;
    // notes are labelled with New York's day; the clock stands days later, so only a note's own time gives its day
    private final FirmCalendar calendar = new FirmCalendar(AdjustableClock.at(Instant.parse("2026-11-30T15:00:00Z")),
            ZoneId.of("America/New_York"));

    @BeforeEach
    void setUp() {
        db = TestDatabase.h2(dir.resolve("db"));
        cases = new CaseRepository(db.client);
        contacts = new ContactRepository(db.client);
        changes = new IndexChangeLog(db.client);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    private IndexService open() throws Exception {
        return new IndexService(new SearchIndex(FSDirectory.open(dir.resolve("index"))), cases,
                new PartyRepository(db.client), contacts, new DocumentRepository(db.client),
                new NoteRepository(db.client), changes, calendar);
    }

    /** A committed case and its change-log row, as a writer leaves them before it updates the index. */
    private LegalCase committedCase(String clientName, String title) {
        OffsetDateTime now = OffsetDateTime.now();
        Contact client = new Contact(ContactId.random(), clientName, ContactKind.PERSON, List.of(), null, null);
        LegalCase c = new LegalCase(CaseId.random(), "N-" + title.hashCode(), title, new MatterType("other"),
                CaseStatus.OPEN, client.id(), null, LocalDate.now(), null, null, now, now);
        contacts.insert(client, now).then(cases.insert(c)).then(changes.append(IndexChangeLog.Kind.CASE,
                c.id().value())).as(db.tx::transactional).block();
        return c;
    }

    private static List<String> find(IndexService index, String name) {
        return index.caseCandidates(NameSimilarity.words(name), Optional.empty(), 10).stream()
                .map(CaseEntry::id).toList();
    }

    @Test
    void aMissingIndexIsRebuiltFromTheDatabase() throws Exception {
        LegalCase c = committedCase("Wilhelmina Okonkwo", "Okonkwo v. Harbor Freight");
        try (var closing = new AutoCloseableIndex(open())) {
            assertThat(find(closing.index, "okonkwo")).isEmpty();
            closing.index.start().block();
            assertThat(find(closing.index, "okonkwo")).containsExactly(c.id().toString());
        }
    }

    @Test
    void aCrashBetweenCommitAndIndexUpdateIsRepairedAtTheNextStart() throws Exception {
        committedCase("First Client", "First v. Matter");
        try (var first = new AutoCloseableIndex(open())) {
            first.index.start().block();
        }
        // The process dies after this transaction commits and before the index hears of it.
        LegalCase lost = committedCase("Bartholomew Quintanilla", "Quintanilla v. Reyes");
        try (var restarted = new AutoCloseableIndex(open())) {
            assertThat(restarted.index.index().wasCreated()).isFalse();
            assertThat(find(restarted.index, "quintanilla")).as("before catch-up").isEmpty();
            restarted.index.start().block();
            assertThat(find(restarted.index, "quintanilla")).containsExactly(lost.id().toString());
            assertThat(restarted.index.index().appliedSeq()).isEqualTo(changes.lastSeq().block());
        }
    }

    @Test
    void aChangedCaseIsFoundUnderItsNewName() throws Exception {
        LegalCase c = committedCase("Ingrid Halvorsen", "Halvorsen v. Skyline");
        try (var live = new AutoCloseableIndex(open())) {
            live.index.start().block();
            LegalCase renamed = new LegalCase(c.id(), c.number(), "Halvorsen v. Brightwater Marine", c.matterType(),
                    c.status(), c.clientId(), null, c.openedOn(), null, null, c.createdAt(), OffsetDateTime.now());
            cases.update(renamed).block();
            live.index.caseChanged(c.id()).block();
            assertThat(find(live.index, "brightwater")).containsExactly(c.id().toString());
            assertThat(find(live.index, "skyline")).as("old name").isEmpty();
        }
    }

    @Test
    void contactsAndNotesLostInACrashAreIndexedAtTheNextStart() throws Exception {
        LegalCase c = committedCase("Cornelius Abernathy", "Abernathy v. Quarry Holdings");
        try (var first = new AutoCloseableIndex(open())) {
            first.index.start().block();
        }
        OffsetDateTime now = OffsetDateTime.now();
        Contact witness = new Contact(ContactId.random(), "Theodora Witherspoon", ContactKind.PERSON,
                List.of("Teddy Witherspoon"), "twitherspoon@example.org", null);
        UserId author = user("nwriter");
        Note note = new Note(java.util.UUID.randomUUID(), c.id(), "Foreman recalls the blasting schedule changed",
                author, "nwriter", now);
        NoteRepository notes = new NoteRepository(db.client);
        contacts.insert(witness, now).then(changes.append(IndexChangeLog.Kind.CONTACT, witness.id().value()))
                .then(notes.insert(note)).then(changes.append(IndexChangeLog.Kind.NOTE, note.id()))
                .as(db.tx::transactional).block();
        try (var restarted = new AutoCloseableIndex(open())) {
            assertThat(search(restarted.index, "witherspoon")).as("before catch-up").isEmpty();
            restarted.index.start().block();
            assertThat(search(restarted.index, "teddy")).extracting(SearchHit::kind, SearchHit::id)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("contact", witness.id().toString()));
            assertThat(search(restarted.index, "blasting")).extracting(SearchHit::kind, SearchHit::caseId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("note", c.id().toString()));
            assertThat(restarted.index.index().search("blasting", Optional.empty(), List.of(), false, 10))
                    .as("clients never find notes").isEmpty();
            assertThat(restarted.index.index().search("blasting", Optional.empty(), List.of(c.id().toString()),
                    true, 10)).as("nor does anyone screened from the case").isEmpty();
        }
    }

    @Test
    void aNoteIsLabelledWithTheFirmsDayNotTheUtcDay() throws Exception {
        LegalCase c = committedCase("Marguerite Vandersloot", "Vandersloot v. Pier Nine");
        // Friday 27 November 2026, 21:00 in New York: already Saturday in UTC
        Note note = new Note(java.util.UUID.randomUUID(), c.id(), "Harbourmaster confirms the mooring log was altered",
                user("evening"), "evening", OffsetDateTime.parse("2026-11-28T02:00:00Z"));
        NoteRepository notes = new NoteRepository(db.client);
        try (var live = new AutoCloseableIndex(open())) {
            live.index.start().block();
            notes.insert(note).then(changes.append(IndexChangeLog.Kind.NOTE, note.id())).as(db.tx::transactional)
                    .block();
            live.index.changed(IndexChangeLog.Kind.NOTE, note.id()).block();
            assertThat(search(live.index, "harbourmaster")).extracting(SearchHit::title)
                    .containsExactly("Note by evening on 2026-11-27");
        }
    }

    @Test
    void anIndexOfTheOlderFormatIsRebuiltWithContactsAndNotes() throws Exception {
        committedCase("Rosalind Featherstonehaugh", "Featherstonehaugh v. Lyle");
        OffsetDateTime now = OffsetDateTime.now();
        Contact contact = new Contact(ContactId.random(), "Octavia Brightwell", ContactKind.PERSON, List.of(),
                null, null);
        contacts.insert(contact, now).block();
        // An index written by the previous format, which knew no contacts.
        try (var writer = new org.apache.lucene.index.IndexWriter(FSDirectory.open(dir.resolve("index")),
                new org.apache.lucene.index.IndexWriterConfig())) {
            writer.setLiveCommitData(java.util.Map.of("format", "3", "applied_seq", "0").entrySet());
            writer.commit();
        }
        try (var reopened = new AutoCloseableIndex(open())) {
            assertThat(reopened.index.index().wasCreated()).isTrue();
            reopened.index.start().block();
            assertThat(search(reopened.index, "brightwell")).extracting(SearchHit::id)
                    .containsExactly(contact.id().toString());
        }
    }

    private UserId user(String username) {
        UserId id = new UserId(java.util.UUID.randomUUID());
        db.client.sql("INSERT INTO users (id, username, password_hash, role, display_name, created_at)"
                + " VALUES (:id, :username, 'x', 'associate', 'Note Writer', :at)").bind("id", id.value())
                .bind("username", username).bind("at", OffsetDateTime.now()).then().block();
        return id;
    }

    private static List<SearchHit> search(IndexService index, String q) {
        return index.index().search(q, Optional.empty(), List.of(), true, 10);
    }

    private record AutoCloseableIndex(IndexService index) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            index.destroy();
        }
    }
}
