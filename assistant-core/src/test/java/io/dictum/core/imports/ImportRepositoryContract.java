package io.dictum.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.PartyRepository;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.contacts.ContactKind;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.db.DatabaseContract;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.index.IndexChangeLog;
import io.dictum.core.index.IndexService;
import io.dictum.core.index.TestIndexes;
import io.dictum.core.users.Role;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneId;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** CSV import against a real database: dry runs write nothing, real runs are idempotent, bad files are refused. */
abstract class ImportRepositoryContract extends DatabaseContract {

    private static final FirmCalendar NEW_YORK = new FirmCalendar(Clock.systemUTC(), ZoneId.of("America/New_York"));

    private ImportService imports;
    private IndexService index;
    private ContactRepository contacts;
    private CaseRepository cases;
    private Actor admin;

    @BeforeAll
    void build() throws Exception {
        contacts = new ContactRepository(db.client);
        cases = new CaseRepository(db.client);
        index = TestIndexes.open(Files.createTempDirectory("dictum-import-index-"), db);
        index.start().block();
        UserId adminId = new UserId(UUID.randomUUID());
        db.client.sql("INSERT INTO users (id, username, password_hash, role, display_name, created_at)"
                + " VALUES (:id, 'importer', 'x', 'admin', 'Imogen Porter', :at)").bind("id", adminId.value())
                .bind("at", OffsetDateTime.now()).then().block();
        db.client.sql("INSERT INTO users (id, username, password_hash, role, display_name, created_at)"
                + " VALUES (:id, 'lhart', 'x', 'partner', 'Lena Hart', :at)").bind("id", UUID.randomUUID())
                .bind("at", OffsetDateTime.now()).then().block();
        admin = new Actor(adminId, "importer", Role.ADMIN, Optional.empty());
        imports = new ImportService(new ImportRepository(db.client), contacts, cases, new PartyRepository(db.client),
                new UserRepository(db.client), new IndexChangeLog(db.client), index,
                new AuditLog(db.client, db.tx, Clock.systemUTC()), db.tx, Clock.systemUTC(), NEW_YORK, ImportService.BATCH_ROWS);
    }

    @AfterAll
    void closeIndex() throws Exception {
        if (index != null) { // null when the database was skipped (PostgreSQL without a URL)
            index.destroy();
        }
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private long count(String table) {
        return db.client.sql("SELECT COUNT(*) AS n FROM " + table).map(r -> r.get("n", Long.class)).one().block();
    }

    private ImportJob finished(ImportJob started) {
        return Mono.defer(() -> imports.job(admin, started.id()))
                .filter(j -> !ImportJob.RUNNING.equals(j.status()))
                .repeatWhenEmpty(tries -> tries.delayElements(Duration.ofMillis(50)))
                .block(Duration.ofMinutes(1));
    }

    @Test
    void aDryRunReportsCreationsDuplicatesAndErrorsAndWritesNothing() {
        contacts.insert(new Contact(ContactId.random(), "Northwind Freight LLC", ContactKind.ORGANIZATION,
                List.of(), null, null), OffsetDateTime.now()).block();
        long before = count("contacts");
        long jobs = count("import_jobs");
        ImportReport report = imports.dryRun(admin, ImportKind.CONTACTS, csv("""
                First Name,Last Name,Company,Email,Phone,Type,Aliases,Notes
                Rosalind,Achterberg,,ros@achterberg.example,555-0101,Person,Roz Achterberg,met at the bar
                ,,Northwind Freight,,,Company,,
                "Achterberg, Rosalind",,,,,,,duplicate of line 2 in the other order
                Quentin,Marlowe,,not-an-address,,Person,,
                ,,,,,,,only notes
                Matthias,Oyelaran,,,,Robot,,
                """)).block();
        assertThat(report.dryRun()).isTrue();
        assertThat(report.total()).isEqualTo(6);
        assertThat(report.ignoredColumns()).containsExactly("Notes");
        assertThat(report.create()).extracting(ImportReport.Planned::line).containsExactly(2L);
        assertThat(report.duplicates()).extracting(ImportReport.Duplicate::line, ImportReport.Duplicate::duplicateOfLine)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, null),
                        org.assertj.core.groups.Tuple.tuple(4L, 2L));
        assertThat(report.duplicates().get(0).existingId()).isNotNull();
        assertThat(report.errors()).extracting(RowProblem::line, RowProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5L, "Email"), org.assertj.core.groups.Tuple.tuple(6L, "Name"),
                org.assertj.core.groups.Tuple.tuple(7L, "Type"));
        assertThat(count("contacts")).isEqualTo(before);
        assertThat(count("import_jobs")).isEqualTo(jobs);
    }

    @Test
    void reImportingTheSameContactsCreatesNothingNew() {
        byte[] file = csv("""
                External ID,Name,Email,Aliases
                C-1001,Ottoline Varga,ovarga@example.org,Lina Varga; O. Varga
                C-1002,Barnaby Quayle,,
                C-1003,Barnaby Quayle,,
                C-1004,Celestine Ambrose,celestine@,
                """);
        ImportJob first = finished(imports.start(admin, ImportKind.CONTACTS, file, "contacts.csv").block());
        assertThat(first.status()).isEqualTo(ImportJob.DONE);
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.processed()).isEqualTo(4);
        assertThat(first.created()).isEqualTo(2);
        assertThat(first.skipped()).isEqualTo(1);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.skippedRows()).extracting(RowProblem::line).containsExactly(4L);
        assertThat(first.errors()).extracting(RowProblem::line, RowProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, "Email"));
        long contactsAfterFirst = count("contacts");
        assertThat(index.index().search("lina", Optional.empty(), List.of(), true, 10))
                .extracting(h -> h.kind()).containsExactly("contact");

        ImportJob again = finished(imports.start(admin, ImportKind.CONTACTS, file, "contacts.csv").block());
        assertThat(again.created()).isZero();
        assertThat(again.skipped()).isEqualTo(3);
        assertThat(again.skippedRows()).extracting(RowProblem::message).first().asString().startsWith("imported before");
        assertThat(count("contacts")).isEqualTo(contactsAfterFirst);
    }

    private ImportService importsWith(IndexService into, int batchRows) {
        return new ImportService(new ImportRepository(db.client), contacts, cases, new PartyRepository(db.client),
                new UserRepository(db.client), new IndexChangeLog(db.client), into,
                new AuditLog(db.client, db.tx, Clock.systemUTC()), db.tx, Clock.systemUTC(), NEW_YORK, batchRows);
    }

    private ImportJob finished(ImportService service, ImportJob started) {
        return Mono.defer(() -> service.job(admin, started.id()))
                .filter(j -> !ImportJob.RUNNING.equals(j.status()))
                .repeatWhenEmpty(tries -> tries.delayElements(Duration.ofMillis(50)))
                .block(Duration.ofMinutes(1));
    }

    @Test
    void rowsAreIndexedABatchAtATimeAndAllAreFoundWhenTheJobIsDone() {
        ImportService batched = importsWith(index, 2);
        ImportJob job = finished(batched, batched.start(admin, ImportKind.CONTACTS, csv("""
                Name,Email
                Leopoldine Batchworth,lb@batch.example
                Casimir Batchworth,cb@batch.example
                Ermengarde Batchworth,eb@batch.example
                Thaddeus Batchworth,tb@batch.example
                Wilhelmina Batchworth,wb@batch.example
                """), "batch.csv").block());
        assertThat(job.status()).isEqualTo(ImportJob.DONE);
        assertThat(job.processed()).isEqualTo(5);
        assertThat(job.created()).isEqualTo(5);
        // Two full batches and the last row alone: every one is searchable once the job says done.
        assertThat(index.index().search("batchworth", Optional.empty(), List.of(), true, 10))
                .extracting(h -> h.title()).containsExactlyInAnyOrder("Leopoldine Batchworth", "Casimir Batchworth",
                        "Ermengarde Batchworth", "Thaddeus Batchworth", "Wilhelmina Batchworth");
    }

    @Test
    void rowsTheIndexCouldNotTakeAreStoredAndIndexedAtTheNextStart() throws Exception {
        java.nio.file.Path dir = Files.createTempDirectory("dictum-import-crash-index-");
        IndexService down = TestIndexes.open(dir, db);
        down.start().block();
        down.destroy(); // as if the process died with the rows' index updates unwritten
        ImportService service = importsWith(down, 2);
        ImportJob job = finished(service, service.start(admin, ImportKind.CONTACTS, csv("""
                Name
                Ottilie Lostcommit
                Barnabas Lostcommit
                Severin Lostcommit
                """), "crash.csv").block());
        assertThat(job.status()).isEqualTo(ImportJob.DONE);
        assertThat(job.created()).isEqualTo(3);
        assertThat(job.failed()).isZero();
        IndexService restarted = TestIndexes.open(dir, db);
        try {
            assertThat(restarted.index().search("lostcommit", Optional.empty(), List.of(), true, 10)).isEmpty();
            restarted.start().block();
            assertThat(restarted.index().search("lostcommit", Optional.empty(), List.of(), true, 10)).hasSize(3);
        } finally {
            restarted.destroy();
        }
    }

    @Test
    void reImportingTheSameCasesCreatesNothingNewAndNewClientsAreSharedAndFound() {
        byte[] file = csv("""
                Matter Number,Matter Name,Client Name,Matter Type,Open Date,Status,Responsible Attorney,Court
                IMP-2019-0001,Pemberton v. Hollis Dairy,Eudora Pemberton,Personal Injury,3/14/2019,Active,Lena Hart,Superior Court
                IMP-2019-0002,Pemberton Estate,"Pemberton, Eudora",Wills & Trusts,2019-05-02,Closed,,
                IMP-2019-0003,Wrong date,Somebody,Other,31/12/2019,Open,,
                IMP-2019-0004,Unknown lawyer,Somebody Else,,,Open,Saul Goodman,
                imp-2019-0001,Same number again,Eudora Pemberton,,,,,
                """);
        ImportReport dry = imports.dryRun(admin, ImportKind.CASES, file).block();
        assertThat(dry.create()).extracting(ImportReport.Planned::line).containsExactly(2L, 3L);
        assertThat(dry.create().get(0).label()).contains("new client Eudora Pemberton");
        assertThat(dry.errors()).extracting(RowProblem::line, RowProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4L, "Open Date"),
                org.assertj.core.groups.Tuple.tuple(5L, "Responsible Attorney"));
        assertThat(dry.duplicates()).extracting(ImportReport.Duplicate::line).containsExactly(6L);

        long casesBefore = count("cases");
        long contactsBefore = count("contacts");
        ImportJob first = finished(imports.start(admin, ImportKind.CASES, file, null).block());
        assertThat(first.created()).as("%s", first).isEqualTo(2);
        assertThat(first.failed()).isEqualTo(2);
        assertThat(first.skipped()).isEqualTo(1);
        assertThat(count("cases")).isEqualTo(casesBefore + 2);
        assertThat(count("contacts")).as("one new client for both cases").isEqualTo(contactsBefore + 1);
        var pi = cases.findAll().filter(c -> c.number().equals("IMP-2019-0001")).blockFirst();
        assertThat(pi.matterType().id()).isEqualTo("personal_injury");
        assertThat(pi.openedOn()).isEqualTo(java.time.LocalDate.of(2019, 3, 14));
        assertThat(pi.responsibleUserId()).isNotNull();
        assertThat(pi.court()).isEqualTo("Superior Court");
        var estate = cases.findAll().filter(c -> c.number().equals("IMP-2019-0002")).blockFirst();
        assertThat(estate.matterType().id()).isEqualTo("estate");
        assertThat(estate.status().id()).isEqualTo("closed");
        assertThat(estate.clientId()).isEqualTo(pi.clientId());
        assertThat(index.index().search("hollis", Optional.empty(), List.of(), true, 10))
                .extracting(h -> h.id()).containsExactly(pi.id().toString());

        ImportJob again = finished(imports.start(admin, ImportKind.CASES, file, null).block());
        assertThat(again.created()).isZero();
        assertThat(again.skipped()).isEqualTo(3);
        assertThat(count("cases")).isEqualTo(casesBefore + 2);
        assertThat(count("contacts")).isEqualTo(contactsBefore + 1);
    }

    @Test
    void aMalformedFileIsRefusedWithItsLineAndNothingIsWritten() {
        long jobs = count("import_jobs");
        assertThatThrownBy(() -> imports.start(admin, ImportKind.CONTACTS, csv("""
                Name,Email
                Alma Reyes,alma@example.org
                "Bruno Castellanos,bruno@example.org
                Carla Mendes,carla@example.org
                """), null).block())
                .isInstanceOfSatisfying(MalformedCsvException.class, e ->
                        assertThat(e.problems()).extracting(RowProblem::line).containsExactly(3L));
        byte[] latin1 = "Name,Email\nJosé Núñez,jose@example.org\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> imports.dryRun(admin, ImportKind.CONTACTS, latin1).block())
                .isInstanceOfSatisfying(MalformedCsvException.class, e -> {
                    assertThat(e.problems()).extracting(RowProblem::line).containsExactly(2L);
                    assertThat(e.getMessage()).contains("UTF-8");
                });
        assertThatThrownBy(() -> imports.start(admin, ImportKind.CASES, csv("Matter Name,Client\nA,B\n"), null)
                .block())
                .isInstanceOfSatisfying(MalformedCsvException.class, e ->
                        assertThat(e.getMessage()).contains("Matter Number"));
        assertThatThrownBy(() -> imports.start(admin, ImportKind.CASES,
                csv("Matter Number,Case Number,Client\n1,2,C\n"), null).block())
                .isInstanceOf(MalformedCsvException.class).hasMessageContaining("'Matter Number' and 'Case Number'");
        assertThat(count("import_jobs")).isEqualTo(jobs);
    }

    @Test
    void onlyAdministratorsAndPartnersImport() {
        Actor associate = new Actor(new UserId(UUID.randomUUID()), "assoc", Role.ASSOCIATE, Optional.empty());
        assertThatThrownBy(() -> imports.dryRun(associate, ImportKind.CONTACTS, csv("Name\nX\n")).block())
                .isInstanceOf(ForbiddenException.class);
    }
}
