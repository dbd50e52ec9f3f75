package io.dictum.core.imports;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.Party;
import io.dictum.core.cases.PartyRepository;
import io.dictum.core.cases.PartyRole;
import io.dictum.core.conflicts.NameRules;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.contacts.ContactKind;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.imports.ImportReport.Duplicate;
import io.dictum.core.imports.ImportReport.Planned;
import io.dictum.core.imports.ImportRows.CaseRow;
import io.dictum.core.imports.ImportRows.ContactRow;
import io.dictum.core.index.IndexChangeLog;
import io.dictum.core.index.IndexService;
import io.dictum.core.users.Role;
import io.dictum.core.users.User;
import io.dictum.core.users.UserRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Imports contacts and cases from the CSV exports of other case-management systems. The whole file is read and
 * checked before anything is written: a file that cannot be read as a whole (encoding, quoting, a missing column) is
 * refused and nothing is stored. Then each row is planned: created, skipped as a duplicate (of an earlier line, of
 * what the firm has, or of an earlier import of the same row), or failed with its errors. A dry run answers the plan;
 * a real run stores each row in its own transaction (with its audit record, index change and import key), so one
 * failing row is reported and the others are still imported, and a re-run of the same file creates nothing new. The
 * search index and the job's progress are brought up to date a batch of rows at a time (a Lucene commit per row
 * made big files slow); a crash in between loses nothing, as the index replays the change log at the next start.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    /** Rows between index commits and progress updates. */
    static final int BATCH_ROWS = 250;
    /** ...or this long, so imported rows become searchable and the progress moves while a slow file runs. */
    static final java.time.Duration BATCH_TIME = java.time.Duration.ofSeconds(2);

    enum Outcome { CREATE, DUPLICATE, ERROR }

    /** One row's fate, decided before anything is written. */
    record Step(long line, String key, String label, Outcome outcome, String reason, Long duplicateOfLine,
                UUID existingId, List<RowProblem> problems, Object row) {
    }

    record Plan(ImportKind kind, CsvTable table, List<Step> steps) {
    }

    private final ImportRepository imports;
    private final ContactRepository contacts;
    private final CaseRepository cases;
    private final PartyRepository parties;
    private final UserRepository users;
    private final IndexChangeLog changes;
    private final IndexService index;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;
    /** The firm's day, on which a case without an open date is opened. */
    private final FirmCalendar calendar;
    private final ImportColumns columns = ImportColumns.defaults();
    private final NameRules names = NameRules.defaults();
    private final int batchRows;

    @org.springframework.beans.factory.annotation.Autowired
    public ImportService(ImportRepository imports, ContactRepository contacts, CaseRepository cases,
                         PartyRepository parties, UserRepository users, IndexChangeLog changes, IndexService index,
                         AuditLog audit, TransactionalOperator tx, Clock clock, FirmCalendar calendar) {
        this(imports, contacts, cases, parties, users, changes, index, audit, tx, clock, calendar, BATCH_ROWS);
    }

    /** With {@code batchRows} rows between index commits (1: a commit per row, as the benchmark compares). */
    ImportService(ImportRepository imports, ContactRepository contacts, CaseRepository cases,
                  PartyRepository parties, UserRepository users, IndexChangeLog changes, IndexService index,
                  AuditLog audit, TransactionalOperator tx, Clock clock, FirmCalendar calendar, int batchRows) {
        this.batchRows = batchRows;
        this.calendar = calendar;
        this.imports = imports;
        this.contacts = contacts;
        this.cases = cases;
        this.parties = parties;
        this.users = users;
        this.changes = changes;
        this.index = index;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** What importing the file would create, skip and refuse; changes nothing. */
    public Mono<ImportReport> dryRun(Actor actor, ImportKind kind, byte[] csv) {
        return Mono.defer(() -> {
            requireImporter(actor);
            return plan(kind, csv).map(ImportService::report);
        });
    }

    /** Checks the whole file, records the job and imports it in the background; the job reports progress. */
    public Mono<ImportJob> start(Actor actor, ImportKind kind, byte[] csv, String filename) {
        return Mono.defer(() -> {
            requireImporter(actor);
            return plan(kind, csv);
        }).flatMap(plan -> Mono.deferContextual(context -> {
            UUID id = UUID.randomUUID();
            String name = filename == null || filename.isBlank() ? null
                    : filename.length() > 300 ? filename.substring(0, 300) : filename;
            return imports.insertJob(id, kind, name, plan.steps().size(), actor.userId().value(),
                            OffsetDateTime.now(clock))
                    .then(audit.record(actor, "import.start", "import", id.toString(), null, kind.id() + " from "
                            + (name == null ? "a CSV body" : name) + ": " + plan.steps().size() + " rows"))
                    .then(Mono.fromRunnable(() -> run(actor, id, plan).contextWrite(context)
                            .subscribe(null, e -> log.error("Import {} stopped", id, e))))
                    .then(imports.findJob(id));
        }));
    }

    public Mono<ImportJob> job(Actor actor, UUID id) {
        return Mono.defer(() -> {
            requireImporter(actor);
            return imports.findJob(id).switchIfEmpty(Mono.error(() -> new NotFoundException("No import job with id "
                    + id + ". Start one with POST /api/v1/import/contacts or /api/v1/import/cases.")));
        });
    }

    private static void requireImporter(Actor actor) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.PARTNER) {
            throw new ForbiddenException("Only administrators and partners may import data. Ask one of them to run"
                    + " the import.");
        }
    }

    // ---- planning -------------------------------------------------------------------------------------------------

    private Mono<Plan> plan(ImportKind kind, byte[] csv) {
        Mono<CsvTable> table = Mono.fromCallable(() -> CsvTable.read(csv, kind, columns))
                .subscribeOn(Schedulers.boundedElastic());
        Mono<Map<String, UUID>> contactNames = contacts.findAll().collectList().map(this::byNormalisedName);
        return Mono.zip(table, contactNames, imports.keys(kind)).flatMap(t -> kind == ImportKind.CONTACTS
                ? Mono.just(new Plan(kind, t.getT1(), planContacts(t.getT1(), t.getT2(), t.getT3())))
                : Mono.zip(users.findAll().collectList(), imports.caseNumbers()).map(u -> new Plan(kind, t.getT1(),
                        planCases(t.getT1(), t.getT2(), t.getT3(), u.getT1(), u.getT2()))));
    }

    private Map<String, UUID> byNormalisedName(List<Contact> all) {
        Map<String, UUID> out = new HashMap<>();
        for (Contact c : all) {
            out.putIfAbsent(normalised(c.name()), c.id().value());
            c.aliases().forEach(a -> out.putIfAbsent(normalised(a), c.id().value()));
        }
        return out;
    }

    /** The conflict check's normalisation: "Smith, John", "Mr. John Smith" and "john smith" are one name. */
    String normalised(String name) {
        List<String> words = names.words(name);
        return words.isEmpty() ? name.strip().toLowerCase(Locale.ROOT) : String.join(" ", words);
    }

    private List<Step> planContacts(CsvTable table, Map<String, UUID> existing, Map<String, UUID> imported) {
        ImportRows rows = new ImportRows(columns, table.headerOfField());
        Map<String, Long> seenNames = new HashMap<>();
        Map<String, Long> seenKeys = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            ImportRows.Parsed<ContactRow> parsed = rows.contact(row);
            if (!parsed.ok()) {
                steps.add(error(row.line(), parsed.problems()));
                continue;
            }
            Contact c = parsed.value().contact();
            String name = normalised(c.name());
            String key = parsed.value().externalId() != null ? "id:" + parsed.value().externalId() : "name:" + name;
            Long earlierKey = seenKeys.putIfAbsent(key, row.line());
            Long earlierName = seenNames.putIfAbsent(name, row.line());
            if (imported.containsKey(key)) {
                steps.add(duplicate(row.line(), key, c.name(), "imported before", null, imported.get(key)));
            } else if (earlierKey != null || earlierName != null) {
                long line = earlierKey != null ? earlierKey : earlierName;
                steps.add(duplicate(row.line(), key, c.name(), "the same contact as line " + line, line, null));
            } else if (existing.containsKey(name)) {
                steps.add(duplicate(row.line(), key, c.name(), "the firm has a contact of this name already",
                        null, existing.get(name)));
            } else {
                steps.add(new Step(row.line(), key, c.name(), Outcome.CREATE, null, null, null, List.of(),
                        parsed.value()));
            }
        }
        return steps;
    }

    private List<Step> planCases(CsvTable table, Map<String, UUID> existingContacts, Map<String, UUID> imported,
                                 List<User> firmUsers, Map<String, UUID> numbers) {
        ImportRows rows = new ImportRows(columns, table.headerOfField());
        LocalDate today = calendar.today();
        Map<String, Long> seen = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            ImportRows.Parsed<CaseRow> parsed = rows.legalCase(row, firmUsers, today);
            if (!parsed.ok()) {
                steps.add(error(row.line(), parsed.problems()));
                continue;
            }
            CaseRow c = parsed.value();
            String number = c.number().toUpperCase(Locale.ROOT);
            String key = "number:" + number;
            String label = c.number() + " " + c.title() + (existingContacts.containsKey(normalised(c.clientName()))
                    ? "" : " (new client " + c.clientName() + ")");
            Long earlier = seen.putIfAbsent(key, row.line());
            if (imported.containsKey(key)) {
                steps.add(duplicate(row.line(), key, label, "imported before", null, imported.get(key)));
            } else if (earlier != null) {
                steps.add(duplicate(row.line(), key, label, "the same matter number as line " + earlier, earlier,
                        null));
            } else if (numbers.containsKey(number)) {
                steps.add(duplicate(row.line(), key, label, "the firm has a case numbered " + c.number()
                        + " already", null, numbers.get(number)));
            } else {
                steps.add(new Step(row.line(), key, label, Outcome.CREATE, null, null, null, List.of(), c));
            }
        }
        return steps;
    }

    private static Step error(long line, List<RowProblem> problems) {
        return new Step(line, null, null, Outcome.ERROR, null, null, null, problems, null);
    }

    private static Step duplicate(long line, String key, String label, String reason, Long ofLine, UUID existing) {
        return new Step(line, key, label, Outcome.DUPLICATE, reason, ofLine, existing, List.of(), null);
    }

    private static ImportReport report(Plan plan) {
        List<Planned> create = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        List<RowProblem> errors = new ArrayList<>();
        for (Step s : plan.steps()) {
            switch (s.outcome()) {
                case CREATE -> create.add(new Planned(s.line(), s.key(), s.label()));
                case DUPLICATE -> duplicates.add(new Duplicate(s.line(), s.key(), s.label(), s.reason(),
                        s.duplicateOfLine(), s.existingId() == null ? null : s.existingId().toString()));
                case ERROR -> errors.addAll(s.problems());
            }
        }
        return new ImportReport(plan.kind().id(), true, plan.steps().size(), plan.table().ignoredColumns(), create,
                duplicates, errors);
    }

    // ---- the real run ---------------------------------------------------------------------------------------------

    /** Rows stored since the last batch, with the entities the index has not yet taken in. */
    private final class Batch {
        final List<IndexChangeLog.Entity> unindexed = new ArrayList<>();
        int rows;
        java.time.Instant since = clock.instant();

        boolean full() {
            return rows >= batchRows || !java.time.Duration.between(since, clock.instant()).minus(BATCH_TIME)
                    .isNegative();
        }
    }

    private Mono<Void> run(Actor actor, UUID jobId, Plan plan) {
        AtomicInteger processed = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Batch batch = new Batch();
        // Clients created earlier in this run, so that two new cases of one new client share the contact.
        Map<String, ContactId> newClients = new HashMap<>();
        return contacts.findAll().collectList().map(this::byNormalisedName)
                .flatMap(existing -> Flux.fromIterable(plan.steps()).concatMap(step -> (switch (step.outcome()) {
                    case DUPLICATE -> imports.addRow(jobId, ImportRepository.SKIPPED, new RowProblem(step.line(),
                            null, step.reason() + (step.existingId() == null ? "" : " (" + step.existingId() + ")")))
                            .doOnSuccess(v -> skipped.incrementAndGet());
                    case ERROR -> Flux.fromIterable(step.problems())
                            .concatMap(p -> imports.addRow(jobId, ImportRepository.FAILED, p)).then()
                            .doOnSuccess(v -> failed.incrementAndGet());
                    case CREATE -> Mono.defer(() -> create(actor, jobId, plan.kind(), step, existing, newClients))
                            .doOnNext(batch.unindexed::addAll)
                            .doOnSuccess(v -> created.incrementAndGet())
                            .then()
                            .onErrorResume(e -> {
                                log.warn("Import {} line {} failed", jobId, step.line(), e);
                                failed.incrementAndGet();
                                return imports.addRow(jobId, ImportRepository.FAILED, new RowProblem(step.line(),
                                        null, "could not be stored: " + e.getMessage()
                                        + "; fix the row and import the file again (rows already imported are"
                                        + " skipped)"));
                            });
                }).then(Mono.defer(() -> {
                    processed.incrementAndGet();
                    batch.rows++;
                    return batch.full() ? flush(jobId, batch, processed, created, skipped, failed) : Mono.empty();
                }))).then())
                .then(Mono.defer(() -> flush(jobId, batch, processed, created, skipped, failed)))
                .then(Mono.defer(() -> imports.finish(jobId, ImportJob.DONE, OffsetDateTime.now(clock))))
                .then(Mono.defer(() -> audit.record(actor, "import.finish", "import", jobId.toString(), null,
                        "created=" + created.get() + "; skipped=" + skipped.get() + "; failed=" + failed.get())))
                .onErrorResume(e -> {
                    log.error("Import {} stopped after {} rows", jobId, processed.get(), e);
                    return imports.finish(jobId, ImportJob.FAILED, OffsetDateTime.now(clock));
                });
    }

    /**
     * Indexes the batch's stored rows with one index commit, then records the progress. The rows are stored
     * whatever happens here: an index that cannot take them now catches up from the change log at the next start.
     */
    private Mono<Void> flush(UUID jobId, Batch batch, AtomicInteger processed, AtomicInteger created,
                             AtomicInteger skipped, AtomicInteger failed) {
        List<IndexChangeLog.Entity> entities = List.copyOf(batch.unindexed);
        batch.unindexed.clear();
        batch.rows = 0;
        batch.since = clock.instant();
        return index.changed(entities)
                .onErrorResume(e -> {
                    log.error("Import {}: {} imported entities are not searchable until the next start", jobId,
                            entities.size(), e);
                    return Mono.empty();
                })
                .then(Mono.defer(() -> imports.progress(jobId, processed.get(), created.get(), skipped.get(),
                        failed.get())));
    }

    /** Stores one row in its own transaction; answers what the index is to take in for it. */
    private Mono<List<IndexChangeLog.Entity>> create(Actor actor, UUID jobId, ImportKind kind, Step step,
                                                     Map<String, UUID> existing, Map<String, ContactId> newClients) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (step.row() instanceof ContactRow row) {
            Contact c = row.contact();
            return contacts.insert(c, now)
                    .then(changes.append(IndexChangeLog.Kind.CONTACT, c.id().value()))
                    .then(imports.insertKey(kind, step.key(), c.id().value(), jobId, step.line()))
                    .then(audit.record(actor, "contact.import", "contact", c.id().toString(), null, c.name()
                            + " (import " + jobId + ", line " + step.line() + ")"))
                    .as(tx::transactional)
                    .thenReturn(List.of(new IndexChangeLog.Entity(IndexChangeLog.Kind.CONTACT, c.id().value())));
        }
        CaseRow row = (CaseRow) step.row();
        String clientKey = normalised(row.clientName());
        Optional<ContactId> known = Optional.ofNullable(existing.get(clientKey)).map(ContactId::new)
                .or(() -> Optional.ofNullable(newClients.get(clientKey)));
        Contact newClient = known.isPresent() ? null
                : new Contact(ContactId.random(), row.clientName(), ContactKind.PERSON, List.of(), null, null);
        ContactId clientId = known.isPresent() ? known.get() : newClient.id();
        LegalCase c = new LegalCase(CaseId.random(), row.number(), row.title(), row.matterType(), row.status(),
                clientId, row.court(), row.openedOn(), row.closedOn(), row.responsible().orElse(null), now, now);
        Mono<Void> client = newClient == null ? Mono.empty() : contacts.insert(newClient, now)
                .then(changes.append(IndexChangeLog.Kind.CONTACT, newClient.id().value()))
                .then(audit.record(actor, "contact.import", "contact", newClient.id().toString(), null,
                        newClient.name() + " (client of " + row.number() + ")"));
        return client
                .then(cases.insert(c))
                .then(parties.insert(new Party(c.id(), clientId, row.clientName(), PartyRole.CLIENT), now))
                .then(changes.append(IndexChangeLog.Kind.CASE, c.id().value()))
                .then(imports.insertKey(kind, step.key(), c.id().value(), jobId, step.line()))
                .then(audit.record(actor, "case.import", "case", c.id().toString(), c.id(), "number=" + c.number()
                        + "; title=" + c.title() + " (import " + jobId + ", line " + step.line() + ")"))
                .as(tx::transactional)
                .then(Mono.fromRunnable(() -> {
                    if (newClient != null) {
                        newClients.put(clientKey, newClient.id());
                    }
                }))
                .thenReturn(newClient == null
                        ? List.of(new IndexChangeLog.Entity(IndexChangeLog.Kind.CASE, c.id().value()))
                        : List.of(new IndexChangeLog.Entity(IndexChangeLog.Kind.CONTACT, newClient.id().value()),
                                new IndexChangeLog.Entity(IndexChangeLog.Kind.CASE, c.id().value())));
    }
}
