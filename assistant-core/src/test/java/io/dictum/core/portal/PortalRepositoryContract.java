package io.dictum.core.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.cases.CaseId;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.db.DatabaseContract;
import io.dictum.core.documents.Document;
import io.dictum.core.documents.DocumentId;
import io.dictum.core.documents.DocumentRepository;
import io.dictum.core.users.Role;
import io.dictum.core.users.UserId;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Document shares, milestones and messages, written once and run on H2 and on PostgreSQL. */
abstract class PortalRepositoryContract extends DatabaseContract {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

    private DocumentRepository documents;
    private MilestoneRepository milestones;
    private MessageRepository messages;
    private UserId attorney;

    @BeforeAll
    void setUp() {
        documents = new DocumentRepository(db.client);
        milestones = new MilestoneRepository(db.client);
        messages = new MessageRepository(db.client);
        attorney = new UserId(UUID.randomUUID());
        db.client.sql("INSERT INTO users (id, username, password_hash, role, display_name, created_at)"
                        + " VALUES (:id, :username, 'x', 'partner', 'Alexandra Hale', :at)")
                .bind("id", attorney.value()).bind("username", "ahale-" + attorney).bind("at", NOW).then().block();
    }

    private record NewCase(CaseId id, ContactId client) {
    }

    private NewCase newCase() {
        ContactId client = new ContactId(UUID.randomUUID());
        CaseId id = new CaseId(UUID.randomUUID());
        db.client.sql("INSERT INTO contacts (id, name, kind, created_at) VALUES (:id, 'C', 'person', :at)")
                .bind("id", client.value()).bind("at", NOW).then()
                .then(db.client.sql("INSERT INTO cases (id, number, title, matter_type, status, client_id, opened_on,"
                                + " created_at, updated_at) VALUES (:id, :number, 'T', 'other', 'open', :client,"
                                + " :on, :at, :at)")
                        .bind("id", id.value()).bind("number", "N-" + id).bind("client", client.value())
                        .bind("on", LocalDate.of(2026, 1, 5)).bind("at", NOW).then())
                .block();
        return new NewCase(id, client);
    }

    private DocumentId newDocument(CaseId caseId) {
        DocumentId id = DocumentId.random();
        documents.insertDocument(id, caseId, "Letter", null, null, NOW)
                .then(documents.insertVersion(id, 1, new DocumentRepository.NewVersion("l.txt", "text/plain", 3,
                        "a".repeat(64), "key-" + id, true, null, "abc"), null, NOW))
                .block();
        return id;
    }

    private static Actor clientOf(ContactId contact) {
        return new Actor(new UserId(UUID.randomUUID()), "client", Role.CLIENT, Optional.of(contact));
    }

    @Test
    void aShareRecordsWhoAndWhenAndIsSeenOnlyByThatCasesClient() {
        NewCase mine = newCase();
        NewCase theirs = newCase();
        DocumentId shared = newDocument(mine.id());
        DocumentId kept = newDocument(mine.id());
        DocumentId theirsShared = newDocument(theirs.id());

        assertThat(documents.share(shared, attorney, NOW).block()).isTrue();
        assertThat(documents.share(shared, null, NOW.plusHours(1)).block()).isFalse();
        assertThat(documents.share(theirsShared, attorney, NOW).block()).isTrue();
        Document read = documents.findById(shared).block();
        assertThat(read.shared()).isTrue();
        assertThat(read.sharedBy()).isEqualTo("Alexandra Hale");
        assertThat(read.sharedAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(documents.findById(kept).block().shared()).isFalse();
        assertThat(documents.sharedIn(CaseFilter.of(clientOf(mine.client()))).collectList().block())
                .containsExactly(shared);

        assertThat(documents.unshare(shared).block()).isTrue();
        assertThat(documents.unshare(shared).block()).isFalse();
        assertThat(documents.sharedIn(CaseFilter.of(clientOf(mine.client()))).collectList().block()).isEmpty();
    }

    @Test
    void milestonesComeInDateOrderAndTheNextVisibleOneIsFound() {
        CaseId c = newCase().id();
        LocalDate today = LocalDate.of(2026, 6, 1);
        Milestone past = new Milestone(UUID.randomUUID(), c, "Filed", today.minusDays(9), null, true, NOW, NOW);
        Milestone internal = new Milestone(UUID.randomUUID(), c, "Strategy", today.plusDays(2), null, false, NOW, NOW);
        Milestone mediation = new Milestone(UUID.randomUUID(), c, "Mediation", today.plusDays(5), "Room 4", true,
                NOW, NOW);
        milestones.insert(mediation, attorney).then(milestones.insert(internal, null))
                .then(milestones.insert(past, attorney)).block();

        assertThat(milestones.findByCase(c, false).map(Milestone::title).collectList().block())
                .containsExactly("Filed", "Strategy", "Mediation");
        assertThat(milestones.findByCase(c, true).map(Milestone::title).collectList().block())
                .containsExactly("Filed", "Mediation");
        assertThat(milestones.nextClientVisible(c, today).block().title()).isEqualTo("Mediation");
        assertThat(milestones.nextClientVisible(c, today.plusDays(6)).blockOptional()).isEmpty();

        milestones.update(new Milestone(internal.id(), c, "Meeting", internal.date(), "Bring bills", true, NOW,
                NOW.plusMinutes(1))).block();
        Milestone changed = milestones.findById(internal.id()).block();
        assertThat(changed.title()).isEqualTo("Meeting");
        assertThat(changed.description()).isEqualTo("Bring bills");
        assertThat(changed.clientVisible()).isTrue();
        assertThat(milestones.nextClientVisible(c, today).block().title()).isEqualTo("Meeting");
    }

    @Test
    void eachSideReadsTheOthersMessages() {
        CaseId c = newCase().id();
        CaseMessage question = new CaseMessage(UUID.randomUUID(), c, MessageSide.CLIENT, null, "Any news?", NOW,
                null, NOW);
        CaseMessage answer = new CaseMessage(UUID.randomUUID(), c, MessageSide.FIRM, null, "Yes.", NOW.plusSeconds(5),
                NOW.plusSeconds(5), null);
        CaseMessage another = new CaseMessage(UUID.randomUUID(), c, MessageSide.FIRM, null, "More.",
                NOW.plusSeconds(9), NOW.plusSeconds(9), null);
        messages.insert(question, null).then(messages.insert(answer, attorney)).then(messages.insert(another, attorney))
                .block();

        assertThat(messages.unread(c, MessageSide.FIRM).block()).isEqualTo(1);
        assertThat(messages.unread(c, MessageSide.CLIENT).block()).isEqualTo(2);
        assertThat(messages.markRead(c, MessageSide.CLIENT, NOW.plusMinutes(1)).block()).isEqualTo(2);
        assertThat(messages.unread(c, MessageSide.CLIENT).block()).isZero();
        assertThat(messages.unread(c, MessageSide.FIRM).block()).isEqualTo(1);

        var all = messages.findByCase(c).collectList().block();
        assertThat(all).extracting(CaseMessage::text).containsExactly("Any news?", "Yes.", "More.");
        assertThat(all).extracting(CaseMessage::from)
                .containsExactly(MessageSide.CLIENT, MessageSide.FIRM, MessageSide.FIRM);
        assertThat(all.get(1).authorName()).isEqualTo("Alexandra Hale");
        assertThat(all.get(0).readByFirmAt()).isNull();
        assertThat(all.get(1).readByClientAt().toInstant()).isEqualTo(NOW.plusMinutes(1).toInstant());
    }
}
