package io.dictum.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.CaseStatus;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.cases.MatterType;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.contacts.ContactKind;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.db.DatabaseContract;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.testing.AdjustableClock;
import io.dictum.core.users.Role;
import io.dictum.core.users.User;
import io.dictum.core.users.UserId;
import io.dictum.core.users.UserRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Time, timers and invoices against a real database, written once and run on H2 and on PostgreSQL: the
 * repositories with the services on top, a hand-moved clock, and the races that matter (two stops of one timer,
 * invoices created at the same time).
 */
abstract class BillingRepositoryContract extends DatabaseContract {

    // Tuesday 2026-11-17, 15:00 in New York
    private static final Instant START = Instant.parse("2026-11-17T20:00:00Z");
    private static final OffsetDateTime NOW = START.atOffset(ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 17);
    private static final PageRequest ALL = PageRequest.of(0, PageRequest.MAX_SIZE, null);

    private AdjustableClock clock;
    private CaseRepository caseRepository;
    private ContactRepository contacts;
    private UserRepository users;
    private RateRepository rateRepository;
    private TimeEntryRepository entryRepository;
    private InvoiceRepository invoiceRepository;
    private TimeEntryService entries;
    private TimerService timers;
    private InvoiceService invoices;
    private RateService rates;
    private Actor partner;
    private Actor associate;
    private final AtomicInteger numbers = new AtomicInteger();

    @BeforeAll
    void setUp() throws Exception {
        clock = AdjustableClock.at(START);
        caseRepository = new CaseRepository(db.client);
        contacts = new ContactRepository(db.client);
        users = new UserRepository(db.client);
        rateRepository = new RateRepository(db.client);
        entryRepository = new TimeEntryRepository(db.client);
        invoiceRepository = new InvoiceRepository(db.client);
        ExpenseRepository expenseRepository = new ExpenseRepository(db.client);
        CaseLookup lookup = (actor, id) -> caseRepository.findById(id).filter(c -> CaseAccess.canRead(actor, c))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No case " + id)));
        FirmCalendar calendar = new FirmCalendar(clock, ZoneId.of("America/New_York"));
        BillingProperties billing = new BillingProperties(null, null, new BigDecimal("10"), true, false, null,
                "12-3456789");
        entries = new TimeEntryService(lookup, entryRepository, expenseRepository, billing, calendar, clock);
        timers = new TimerService(lookup, new TimerRepository(db.client), entryRepository, entries, db.tx, clock);
        invoices = new InvoiceService(lookup, invoiceRepository, entryRepository, expenseRepository, rateRepository,
                users, db.tx, billing, calendar, clock, List.of(new LedesRenderer(billing)));
        rates = new RateService(rateRepository, users, lookup, db.tx, clock);
        partner = user("hale", Role.PARTNER, "Alexandra Hale");
        associate = user("king", Role.ASSOCIATE, "Brian King");
        rates.set(partner, new NewRate(null, null, null, new BigDecimal("200.00"))).block();
        rates.set(partner, new NewRate(partner.userId().toString(), null, null, new BigDecimal("450.00"))).block();
    }

    private Actor user(String name, Role role, String displayName) {
        User u = new User(UserId.random(), name + "-" + UUID.randomUUID().toString().substring(0, 6), role,
                displayName, Optional.empty());
        users.insert(u, "x", NOW).block();
        return new Actor(u.id(), u.username(), role, Optional.empty());
    }

    private LegalCase newCase() {
        int n = numbers.incrementAndGet();
        Contact client = new Contact(ContactId.random(), "Client " + n + " " + UUID.randomUUID(),
                ContactKind.PERSON, List.of(), null, null);
        contacts.insert(client, NOW).block();
        LegalCase c = new LegalCase(CaseId.random(), "B-" + n + "-" + UUID.randomUUID().toString().substring(0, 8),
                "Case " + n, new MatterType("personal_injury"), CaseStatus.OPEN, client.id(), null,
                LocalDate.of(2026, 1, 5), null, null, NOW, NOW);
        caseRepository.insert(c).block();
        return c;
    }

    private TimeEntry log(Actor actor, LegalCase c, LocalDate date, int minutes) {
        return entries.record(actor, new NewTimeEntry(c.id(), date, minutes, "Work of " + minutes + " minutes",
                null, "L120", "A104")).block();
    }

    private long counter() {
        return db.client.sql("SELECT last_value FROM invoice_counters WHERE name = 'invoice'")
                .map(r -> r.get("last_value", Long.class)).one().block();
    }

    @Test
    void entriesRoundTripAndAreRoundedToTheIncrement() {
        LegalCase c = newCase();
        TimeEntry e = log(associate, c, LocalDate.of(2026, 11, 2), 7);
        TimeEntry read = entryRepository.findById(e.id()).block();
        assertThat(read).isEqualTo(e);
        assertThat(read.billedHours()).isEqualByComparingTo("0.20");
        assertThat(read.taskCode()).isEqualTo("L120");
        assertThat(read.billed()).isFalse();
        TimeEntry other = log(partner, c, LocalDate.of(2026, 11, 10), 60);
        assertThat(entries.list(partner, Optional.of(c.id()), Optional.empty(), "2026-11-03", null, false, ALL)
                .block().items()).extracting(TimeEntry::id).containsExactly(other.id());
        assertThat(entries.list(partner, Optional.of(c.id()), Optional.of(associate.userId()), null, null, false,
                ALL).block().items()).extracting(TimeEntry::id).containsExactly(e.id());
        assertThatThrownBy(() -> entries.record(associate, new NewTimeEntry(c.id(), TODAY.plusDays(1), 10, "x", null,
                null, null)).block()).hasMessageContaining("future");
        TimeEntry spoken = entries.logTime(associate, c.id(), 30, null).block();
        assertThat(spoken.description()).isEqualTo(TimeEntryService.VOICE_DESCRIPTION);
        assertThat(spoken.date()).isEqualTo(TODAY);
        assertThat(spoken.billedHours()).isEqualByComparingTo("0.50");
        assertThat(entries.logTime(associate, c.id(), 45, "drafting the motion").block().description())
                .isEqualTo("drafting the motion");
        assertThatThrownBy(() -> entries.logTime(associate, c.id(), 0, "x").block()).hasMessageContaining("minutes");
        Actor client = new Actor(UserId.random(), "client", Role.CLIENT, Optional.of(c.clientId()));
        assertThatThrownBy(() -> entries.list(client, Optional.of(c.id()), Optional.empty(), null, null, false, ALL)
                .block()).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void entriesExpensesAndInvoicesPageInEveryWhitelistedOrderAndHideAWalledCase() {
        LegalCase c = newCase();
        TimeEntry first = log(associate, c, LocalDate.of(2026, 9, 1), 30);
        TimeEntry third = log(associate, c, LocalDate.of(2026, 9, 3), 90);
        TimeEntry second = log(associate, c, LocalDate.of(2026, 9, 2), 60);
        EntryFilter ofCase = EntryFilter.ofCase(c.id());
        CaseFilter firm = CaseFilter.of(partner);
        assertThat(entryRepository.find(ofCase, firm, PageRequest.of(0, 2, null)).map(TimeEntry::id).collectList()
                .block()).containsExactly(third.id(), second.id());
        assertThat(entryRepository.find(ofCase, firm, PageRequest.of(1, 2, null)).map(TimeEntry::id).collectList()
                .block()).containsExactly(first.id());
        assertThat(entryRepository.find(ofCase, firm, PageRequest.of(0, 5, "minutes")).map(TimeEntry::minutes)
                .collectList().block()).containsExactly(30, 60, 90);
        assertThat(entryRepository.count(ofCase, firm).block()).isEqualTo(3);
        for (String sort : List.of("date", "minutes,desc", "hours", "description,desc", "createdAt", "updatedAt")) {
            assertThat(entryRepository.find(ofCase, firm, PageRequest.of(0, 5, sort)).collectList().block())
                    .as(sort).hasSize(3);
        }
        ExpenseRepository expenseRepository = new ExpenseRepository(db.client);
        entries.recordExpense(associate, new NewExpense(c.id(), LocalDate.of(2026, 9, 1), new BigDecimal("40.00"),
                null, null, "Filing fee", null, null)).block();
        entries.recordExpense(associate, new NewExpense(c.id(), LocalDate.of(2026, 9, 2), null, new BigDecimal("5"),
                new BigDecimal("2.50"), "Copies", null, null)).block();
        assertThat(expenseRepository.find(ofCase, firm, PageRequest.of(0, 5, "amount")).map(Expense::description)
                .collectList().block()).containsExactly("Copies", "Filing fee");
        for (String sort : List.of("date,desc", "amount", "description", "code", "createdAt")) {
            assertThat(expenseRepository.find(ofCase, firm, PageRequest.of(0, 5, sort)).collectList().block())
                    .as(sort).hasSize(2);
        }
        Invoice invoice = invoices.create(partner, new NewInvoice(c.id(), null, LocalDate.of(2026, 9, 30), null,
                null)).block();
        for (String sort : List.of("number", "date", "status,desc", "total", "createdAt", "issuedAt", "paidAt",
                "caseNumber", "client")) {
            assertThat(invoiceRepository.find(firm, Optional.of(c.id()), Optional.empty(), Optional.empty(), false,
                    PageRequest.of(0, 5, sort)).map(Invoice::id).collectList().block()).as(sort)
                    .containsExactly(invoice.id());
        }
        // Issued only, for the case's client: a draft is not counted.
        Actor client = new Actor(UserId.random(), "client", Role.CLIENT, Optional.of(c.clientId()));
        assertThat(invoiceRepository.count(CaseFilter.of(client), Optional.empty(), Optional.of(c.clientId()),
                Optional.empty(), true).block()).isZero();
        assertThat(invoiceRepository.count(CaseFilter.of(client), Optional.empty(), Optional.of(c.clientId()),
                Optional.empty(), false).block()).isEqualTo(1);

        new io.dictum.core.access.CaseTeamRepository(db.client).screen(c.id(), associate.userId(), "conflict", NOW)
                .block();
        CaseFilter walled = CaseFilter.of(associate);
        EntryFilter mine = new EntryFilter(Optional.empty(), Optional.of(associate.userId()), Optional.empty(),
                Optional.empty(), false, 1000);
        assertThat(entryRepository.find(mine, walled, PageRequest.of(0, 200, null)).map(TimeEntry::caseId)
                .collectList().block()).doesNotContain(c.id());
        assertThat(entryRepository.find(mine, firm, PageRequest.of(0, 200, null)).map(TimeEntry::caseId)
                .collectList().block()).contains(c.id());
        assertThat(expenseRepository.count(ofCase, walled).block()).isZero();
        assertThat(invoiceRepository.count(walled, Optional.of(c.id()), Optional.empty(), Optional.empty(), false)
                .block()).isZero();
    }

    @Test
    void totalsAreSummedOverEveryEntryTheFilterSelects() {
        LegalCase c = newCase();
        List<TimeEntry> logged = new ArrayList<>();
        for (int minutes : new int[] {7, 30, 61, 5}) {
            logged.add(log(associate, c, LocalDate.of(2026, 10, minutes % 28 + 1), minutes));
        }
        TimeEntry unbillable = entries.record(associate, new NewTimeEntry(c.id(), LocalDate.of(2026, 10, 20), 13,
                "Not billed", false, "L120", "A104")).block();
        logged.add(unbillable);
        EntryFilter ofCase = EntryFilter.ofCase(c.id());
        TimeTotals totals = entryRepository.totals(ofCase, CaseFilter.of(partner)).block();
        assertThat(totals.entries()).isEqualTo(logged.size());
        assertThat(totals.minutes()).isEqualTo(logged.stream().mapToLong(TimeEntry::minutes).sum());
        assertThat(totals.billedHours()).isEqualTo(logged.stream().map(TimeEntry::billedHours)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2));
        assertThat(totals.billableHours()).isEqualTo(totals.billedHours().subtract(unbillable.billedHours()));
        // none selected: zeros, not nulls
        TimeTotals none = entryRepository.totals(new EntryFilter(Optional.of(c.id()), Optional.empty(),
                Optional.of(LocalDate.of(2027, 1, 1)), Optional.empty(), false, 1000), CaseFilter.of(partner)).block();
        assertThat(none).isEqualTo(new TimeTotals(0, 0, new BigDecimal("0.00"), new BigDecimal("0.00")));
        // a wall hides the case's time from the totals too
        new io.dictum.core.access.CaseTeamRepository(db.client).screen(c.id(), associate.userId(), "conflict", NOW)
                .block();
        assertThat(entryRepository.totals(ofCase, CaseFilter.of(associate)).block().entries()).isZero();
    }

    @Test
    void ratesAreReplacedPerKeyAndResolvedMostSpecificFirst() {
        LegalCase c = newCase();
        assertThat(rates.resolve(partner, associate.userId(), c.id()).block().level())
                .isEqualTo(RateLevel.FIRM_DEFAULT);
        rates.set(partner, new NewRate(null, null, "personal_injury", new BigDecimal("250.00"))).block();
        rates.set(partner, new NewRate(associate.userId().toString(), c.id().toString(), null,
                new BigDecimal("300.00"))).block();
        rates.set(partner, new NewRate(associate.userId().toString(), c.id().toString(), null,
                new BigDecimal("310.00"))).block();
        ResolvedRate r = rates.resolve(partner, associate.userId(), c.id()).block();
        assertThat(r.level()).isEqualTo(RateLevel.CASE_AND_USER);
        assertThat(r.hourlyRate()).isEqualByComparingTo("310.00");
        assertThat(rateRepository.findAll().collectList().block())
                .filteredOn(x -> c.id().equals(x.caseId())).singleElement()
                .satisfies(x -> assertThat(x.hourlyRate()).isEqualTo(new BigDecimal("310.00")));
        assertThatThrownBy(() -> rates.set(associate, new NewRate(null, null, null, BigDecimal.TEN)).block())
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rates.set(partner, new NewRate(null, c.id().toString(), "estate", BigDecimal.TEN))
                .block()).hasMessageContaining("not both");
        rates.set(partner, new NewRate(null, null, "personal_injury", new BigDecimal("0"))).block();
        db.client.sql("DELETE FROM billing_rates WHERE matter_type = 'personal_injury'").then().block();
    }

    @Test
    void aTimerCountsOnlyRunningTimeAndBecomesOneEntry() {
        LegalCase c = newCase();
        Actor me = user("timer", Role.ASSOCIATE, "Tina Timer");
        TimerView started = timers.start(me, new StartTimer(c.id(), "drafting the motion")).block();
        assertThat(started.state()).isEqualTo("running");
        assertThatThrownBy(() -> timers.start(me, new StartTimer(null, null)).block())
                .isInstanceOf(ConflictException.class);
        clock.advance(Duration.ofMinutes(10));
        assertThat(timers.pause(me).block().elapsedSeconds()).isEqualTo(600);
        assertThatThrownBy(() -> timers.pause(me).block()).isInstanceOf(ConflictException.class);
        clock.advance(Duration.ofMinutes(45));
        assertThat(timers.current(me).block().elapsedSeconds()).isEqualTo(600);
        assertThat(timers.resume(me).block().state()).isEqualTo("running");
        clock.advance(Duration.ofMinutes(20).plusSeconds(1));
        assertThat(timers.current(me).block().elapsedSeconds()).isEqualTo(1801);
        TimeEntry e = timers.stop(me, null).block();
        assertThat(e.minutes()).isEqualTo(31);
        assertThat(e.billedHours()).isEqualByComparingTo("0.60");
        assertThat(e.description()).isEqualTo("drafting the motion");
        assertThat(e.caseId()).isEqualTo(c.id());
        assertThat(e.date()).isEqualTo(LocalDate.now(clock.withZone(ZoneId.of("America/New_York"))));
        assertThat(timers.current(me).blockOptional()).isEmpty();
        assertThatThrownBy(() -> timers.stop(me, null).block()).isInstanceOf(NotFoundException.class);

        // a timer without a case asks for one at stop, and keeps running until it gets it
        timers.start(me, new StartTimer(null, "A106")).block();
        clock.advance(Duration.ofMinutes(3));
        assertThatThrownBy(() -> timers.stop(me, null).block()).hasMessageContaining("caseId");
        assertThat(timers.current(me).block().state()).isEqualTo("running");
        TimeEntry coded = timers.stop(me, new StopTimer(c.id(), null, null, "L160", null)).block();
        assertThat(coded.activityCode()).isEqualTo("A106");
        assertThat(coded.taskCode()).isEqualTo("L160");
        assertThat(coded.description()).isEqualTo("Communicate (with client)");
    }

    @Test
    void concurrentStopsOfOneTimerRecordExactlyOneEntry() {
        LegalCase c = newCase();
        for (int round = 0; round < 5; round++) {
            Actor me = user("racer", Role.ASSOCIATE, "Rae Racer");
            timers.start(me, new StartTimer(c.id(), "racing")).block();
            clock.advance(Duration.ofMinutes(12));
            List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
            Flux.range(0, 8)
                    .flatMap(i -> Mono.defer(() -> timers.stop(me, null)).subscribeOn(Schedulers.parallel())
                            .map(Object.class::cast).onErrorResume(e -> Mono.just(e)))
                    .doOnNext(outcomes::add)
                    .blockLast(Duration.ofSeconds(60));
            assertThat(outcomes).hasSize(8);
            assertThat(outcomes).filteredOn(TimeEntry.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(Throwable.class::isInstance)
                    .allSatisfy(e -> assertThat(e).isInstanceOfAny(ConflictException.class,
                            NotFoundException.class));
            assertThat(entries.list(partner, Optional.of(c.id()), Optional.of(me.userId()), null, null, false,
                    ALL).block().items()).singleElement()
                    .satisfies(e -> assertThat(e.minutes()).isEqualTo(12));
        }
    }

    @Test
    void concurrentStartsLeaveOneTimer() {
        Actor me = user("starter", Role.PARALEGAL, "Stan Starter");
        List<Object> outcomes = Flux.range(0, 6)
                .flatMap(i -> Mono.defer(() -> timers.start(me, new StartTimer(null, "task " + i)))
                        .subscribeOn(Schedulers.parallel()).map(Object.class::cast)
                        .onErrorResume(e -> Mono.just(e)))
                .collectList().block(Duration.ofSeconds(60));
        assertThat(outcomes).filteredOn(TimerView.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Throwable.class::isInstance)
                .allSatisfy(e -> assertThat(e).isInstanceOf(ConflictException.class));
        timers.discard(me).block();
        assertThat(timers.current(me).blockOptional()).isEmpty();
    }

    @Test
    void anInvoiceBillsThePeriodLocksItsEntriesAndVoidingReleasesThem() {
        LegalCase c = newCase();
        TimeEntry before = log(associate, c, LocalDate.of(2026, 9, 30), 60);
        TimeEntry a = log(associate, c, LocalDate.of(2026, 10, 1), 30);   // 0.5 h × 200.00 = 100.00
        TimeEntry b = log(partner, c, LocalDate.of(2026, 10, 31), 61);    // 1.1 h × 450.00 = 495.00
        TimeEntry after = log(partner, c, LocalDate.of(2026, 11, 1), 6);
        TimeEntry free = entries.record(associate, new NewTimeEntry(c.id(), LocalDate.of(2026, 10, 15), 20,
                "Courtesy call", false, null, null)).block();
        Expense copies = entries.recordExpense(associate, new NewExpense(c.id(), LocalDate.of(2026, 10, 20), null,
                new BigDecimal("120"), new BigDecimal("0.10"), "Copies", "E101", null)).block();

        Invoice inv = invoices.create(partner, new NewInvoice(c.id(), LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), new BigDecimal("10"), List.of(new NewInvoice.WriteDown(b.id(),
                new BigDecimal("45.00"))))).block();
        assertThat(inv.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(inv.number()).matches("INV-\\d{6}");
        assertThat(inv.lines()).extracting(InvoiceLine::timeEntryId).contains(a.id(), b.id())
                .doesNotContain(before.id(), after.id(), free.id());
        // fees 100.00 + 450.00 = 550.00; expenses 12.00; discount −55.00; tax 10 % of 495.00 = 49.50
        assertThat(inv.feesTotal()).isEqualByComparingTo("550.00");
        assertThat(inv.expensesTotal()).isEqualByComparingTo("12.00");
        assertThat(inv.adjustmentsTotal()).isEqualByComparingTo("-55.00");
        assertThat(inv.taxTotal()).isEqualByComparingTo("49.50");
        assertThat(inv.total()).isEqualByComparingTo("556.50");
        assertThat(inv.total()).isEqualByComparingTo(inv.lines().stream().map(InvoiceLine::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(inv.lines()).filteredOn(l -> b.id().equals(l.timeEntryId())).singleElement().satisfies(l -> {
            assertThat(l.unitCost()).isEqualByComparingTo("450.00");
            assertThat(l.units()).isEqualByComparingTo("1.10");
            assertThat(l.adjustment()).isEqualByComparingTo("-45.00");
            assertThat(l.timekeeperClassification()).isEqualTo("PT");
            assertThat(l.timekeeperName()).isEqualTo("Alexandra Hale");
        });
        assertThat(invoiceRepository.findById(inv.id()).block()).isEqualTo(inv);

        // billed entries are locked, whoever asks
        assertThatThrownBy(() -> entries.update(associate, a.id(), new TimeEntryPatch(null, 45, null, null, null,
                null)).block()).isInstanceOf(ConflictException.class).hasMessageContaining("void");
        assertThatThrownBy(() -> entries.delete(partner, b.id()).block()).isInstanceOf(ConflictException.class);
        assertThat(entryRepository.findById(a.id()).block().minutes()).isEqualTo(30);
        assertThat(entries.update(associate, before.id(), new TimeEntryPatch(null, 45, null, null, null, null))
                .block().billedHours()).isEqualByComparingTo("0.80");

        // nothing left to bill in the period
        assertThatThrownBy(() -> invoices.create(partner, new NewInvoice(c.id(), LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), null, null)).block()).isInstanceOf(ConflictException.class);

        // issue → pay; paid cannot be voided
        Invoice issued = invoices.issue(partner, inv.id()).block();
        assertThat(issued.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(issued.issuedAt()).isNotNull();
        assertThat(issued.invoiceDate()).isEqualTo(TODAY);
        assertThatThrownBy(() -> invoices.issue(partner, inv.id()).block()).isInstanceOf(ConflictException.class);

        Invoice voided = invoices.voidInvoice(partner, inv.id()).block();
        assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.number()).isEqualTo(inv.number());
        assertThat(entryRepository.findById(a.id()).block().billed()).isFalse();
        assertThat(entries.update(associate, a.id(), new TimeEntryPatch(null, 45, null, null, null, null)).block()
                .minutes()).isEqualTo(45);
        assertThatThrownBy(() -> invoices.markPaid(partner, inv.id()).block())
                .isInstanceOf(ConflictException.class);

        Invoice again = invoices.create(partner, new NewInvoice(c.id(), LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), null, null)).block();
        assertThat(again.lines()).extracting(InvoiceLine::timeEntryId).contains(a.id(), b.id());
        assertThat(invoices.issue(partner, again.id()).then(invoices.markPaid(partner, again.id())).block().status())
                .isEqualTo(InvoiceStatus.PAID);
        assertThatThrownBy(() -> invoices.voidInvoice(partner, again.id()).block())
                .isInstanceOf(ConflictException.class).hasMessageContaining("paid");
    }

    @Test
    void aDraftLineIsWrittenDownAndDiscountTaxAndTotalsFollow() {
        LegalCase c = newCase();
        log(partner, c, LocalDate.of(2026, 9, 8), 60);    // 1.0 h × 450.00 = 450.00
        log(associate, c, LocalDate.of(2026, 9, 9), 30);  // 0.5 h × 200.00 = 100.00
        Invoice inv = invoices.create(partner, new NewInvoice(c.id(), LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 9, 30), new BigDecimal("10"), null)).block();
        // 550.00 − 55.00 + 10 % tax of 495.00 = 544.50
        assertThat(inv.total()).isEqualByComparingTo("544.50");
        Invoice lower = invoices.writeDown(partner, inv.id(), 1, new BigDecimal("50.00")).block();
        // 500.00 − 50.00 + 45.00 = 495.00
        assertThat(lower.lines()).extracting(l -> l.total().toPlainString())
                .containsExactly("400.00", "100.00", "-50.00", "45.00");
        assertThat(lower.total()).isEqualByComparingTo("495.00");
        assertThat(lower.number()).isEqualTo(inv.number());
        assertThat(invoices.writeDown(partner, inv.id(), 1, BigDecimal.ZERO).block().total())
                .isEqualByComparingTo("544.50");
        assertThatThrownBy(() -> invoices.writeDown(partner, inv.id(), 3, BigDecimal.ONE).block())
                .hasMessageContaining("discount");
        assertThatThrownBy(() -> invoices.writeDown(partner, inv.id(), 9, BigDecimal.ONE).block())
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> invoices.writeDown(partner, inv.id(), 2, new BigDecimal("100.01")).block())
                .hasMessageContaining("100.00");
        invoices.issue(partner, inv.id()).block();
        assertThatThrownBy(() -> invoices.writeDown(partner, inv.id(), 1, BigDecimal.ONE).block())
                .isInstanceOf(ConflictException.class);
        assertThat(invoiceRepository.findById(inv.id()).block().total()).isEqualByComparingTo("544.50");
    }

    @Test
    void aFailedCreationLeavesNoGapAndClaimsNothing() {
        LegalCase c = newCase();
        Actor noRate = user("norate", Role.STAFF, "Nora Rate");
        db.client.sql("DELETE FROM billing_rates WHERE user_id IS NULL AND case_id IS NULL AND matter_type IS NULL")
                .then().block();
        try {
            TimeEntry e = log(noRate, c, LocalDate.of(2026, 10, 5), 30);
            long before = counter();
            assertThatThrownBy(() -> invoices.create(partner, new NewInvoice(c.id(), null, null, null, null))
                    .block()).isInstanceOf(ConflictException.class).hasMessageContaining("rate");
            assertThat(counter()).isEqualTo(before);
            assertThat(entryRepository.findById(e.id()).block().billed()).isFalse();
            assertThat(invoices.list(partner, Optional.of(c.id()), null, ALL).block().items()).isEmpty();
        } finally {
            rates.set(partner, new NewRate(null, null, null, new BigDecimal("200.00"))).block();
        }
        long before = counter();
        assertThatThrownBy(() -> invoices.create(partner, new NewInvoice(c.id(), null, null, null,
                List.of(new NewInvoice.WriteDown(UUID.randomUUID(), BigDecimal.ONE)))).block())
                .hasMessageContaining("not on this invoice");
        assertThat(counter()).isEqualTo(before);
        Invoice made = invoices.create(partner, new NewInvoice(c.id(), null, null, null, null)).block();
        assertThat(made.number()).isEqualTo(InvoiceRepository.format(counter()));
        assertThat(made.periodFrom()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(made.periodTo()).isEqualTo(TODAY);
    }

    @Test
    void invoicesCreatedConcurrentlyAreNumberedWithoutGaps() {
        List<LegalCase> cases = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LegalCase c = newCase();
            log(associate, c, LocalDate.of(2026, 10, 6), 15 + i);
            cases.add(c);
        }
        LegalCase empty = newCase();
        long before = counter();
        List<Object> outcomes = Flux.fromIterable(cases).concatWith(Flux.just(empty, empty))
                .flatMap(c -> Mono.defer(() -> invoices.create(partner, new NewInvoice(c.id(), null, null, null,
                        null))).subscribeOn(Schedulers.parallel()).map(Object.class::cast)
                        .onErrorResume(e -> Mono.just(e)))
                .collectList().block(Duration.ofSeconds(120));
        List<Invoice> made = outcomes.stream().filter(Invoice.class::isInstance).map(Invoice.class::cast).toList();
        assertThat(made).hasSize(12);
        assertThat(outcomes).filteredOn(Throwable.class::isInstance).hasSize(2)
                .allSatisfy(e -> assertThat(e).isInstanceOf(ConflictException.class));
        List<String> expected = new ArrayList<>();
        for (long n = before + 1; n <= before + 12; n++) {
            expected.add(InvoiceRepository.format(n));
        }
        assertThat(made).extracting(Invoice::number).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(counter()).isEqualTo(before + 12);
    }

    @Test
    void concurrentInvoicesOfOneCaseNeverBillAnEntryTwice() {
        LegalCase c = newCase();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(log(associate, c, LocalDate.of(2026, 10, 7 + i), 10 + i).id());
        }
        long before = counter();
        List<Object> outcomes = Flux.range(0, 6)
                .flatMap(i -> Mono.defer(() -> invoices.create(partner, new NewInvoice(c.id(), null, null, null,
                        null))).subscribeOn(Schedulers.parallel()).map(Object.class::cast)
                        .onErrorResume(e -> Mono.just(e)))
                .collectList().block(Duration.ofSeconds(120));
        List<Invoice> made = outcomes.stream().filter(Invoice.class::isInstance).map(Invoice.class::cast).toList();
        assertThat(made).isNotEmpty();
        List<UUID> billed = made.stream().flatMap(i -> i.lines().stream()).map(InvoiceLine::timeEntryId)
                .filter(java.util.Objects::nonNull).toList();
        assertThat(billed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(counter()).isEqualTo(before + made.size());
        assertThat(outcomes).filteredOn(Throwable.class::isInstance)
                .allSatisfy(e -> assertThat(e).isInstanceOf(ConflictException.class));
    }
}
