package io.dictum.core.appointments;

import io.dictum.core.access.CaseDays;
import io.dictum.core.access.CaseFilter;
import io.dictum.core.cases.CaseId;
import io.dictum.core.db.Binding;
import io.dictum.core.paging.PageRequest;
import io.dictum.core.paging.Sorting;
import io.dictum.core.users.UserId;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class AppointmentRepository {

    private static final String SELECT = "SELECT a.id, a.case_id, c.number, a.title, a.starts_on, a.starts_at,"
            + " a.duration_minutes, a.location, a.created_by, a.created_at FROM appointments a"
            + " JOIN cases c ON c.id = a.case_id";

    /**
     * Soonest first; within a day the all-day ones first, then by time (spelled out: H2 and PostgreSQL sort NULLs
     * differently).
     */
    private static final String DEFAULT_ORDER = "a.starts_on, CASE WHEN a.starts_at IS NULL THEN 0 ELSE 1 END,"
            + " a.starts_at, c.number, a.title";

    /** The fields a list of appointments sorts by; by date and time by default. */
    public static final Sorting SORTING = Sorting.of("appointments", DEFAULT_ORDER, "a.id",
            "date", "a.starts_on", "title", "LOWER(a.title)", "caseNumber", "c.number", "createdAt", "a.created_at");

    private final DatabaseClient db;

    public AppointmentRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Appointment a) {
        var spec = db.sql("INSERT INTO appointments (id, case_id, title, starts_on, starts_at, duration_minutes,"
                        + " location, created_by, created_at) VALUES (:id, :caseId, :title, :on, :at, :minutes,"
                        + " :location, :createdBy, :createdAt)")
                .bind("id", a.id()).bind("caseId", a.caseId().value()).bind("title", a.title())
                .bind("on", a.date()).bind("createdAt", a.createdAt());
        spec = Binding.nullable(spec, "at", a.time(), LocalTime.class);
        spec = Binding.nullable(spec, "minutes", a.durationMinutes(), Integer.class);
        spec = Binding.nullable(spec, "location", a.location(), String.class);
        return Binding.nullable(spec, "createdBy", a.createdBy() == null ? null : a.createdBy().value(), UUID.class)
                .then();
    }

    /** One appointment with its case number, whoever may see it: callers apply access through the case. */
    public Mono<Appointment> findById(UUID id) {
        return db.sql(SELECT + " WHERE a.id = :id").bind("id", id).map(AppointmentRepository::map).one();
    }

    /** Appointments on [from, to] (either end open when empty) on the cases the filter lets through, soonest first. */
    public Flux<Appointment> find(Optional<CaseId> caseId, CaseFilter visible, Optional<LocalDate> from,
                                  Optional<LocalDate> to, int limit) {
        CaseDays selection = selection(caseId, visible, from, to);
        return selection.bind(db.sql(SELECT + selection.where() + " ORDER BY " + DEFAULT_ORDER + ", a.id"
                        + " LIMIT :limit"))
                .bind("limit", limit).map(AppointmentRepository::map).all();
    }

    /** A page of what {@link #find} selects, ordered as the page asks. */
    public Flux<Appointment> page(Optional<CaseId> caseId, CaseFilter visible, Optional<LocalDate> from,
                                  Optional<LocalDate> to, PageRequest page) {
        CaseDays selection = selection(caseId, visible, from, to);
        return selection.bind(db.sql(SELECT + selection.where() + SORTING.orderBy(page.sort())
                        + " LIMIT :limit OFFSET :offset"))
                .bind("limit", page.size()).bind("offset", page.offset()).map(AppointmentRepository::map).all();
    }

    public Mono<Long> count(Optional<CaseId> caseId, CaseFilter visible, Optional<LocalDate> from,
                            Optional<LocalDate> to) {
        CaseDays selection = selection(caseId, visible, from, to);
        return selection.bind(db.sql("SELECT COUNT(*) AS n FROM appointments a JOIN cases c ON c.id = a.case_id"
                + selection.where())).map(r -> r.get("n", Long.class)).one();
    }

    /** True when the row was there to delete. */
    public Mono<Boolean> delete(UUID id) {
        return db.sql("DELETE FROM appointments WHERE id = :id").bind("id", id)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Which appointments a list shows, by their day. */
    private static CaseDays selection(Optional<CaseId> caseId, CaseFilter visible, Optional<LocalDate> from,
                                      Optional<LocalDate> to) {
        return new CaseDays("a.case_id", "a.starts_on", caseId, visible, from, to);
    }

    private static Appointment map(Readable r) {
        UUID by = r.get("created_by", UUID.class);
        return new Appointment(r.get("id", UUID.class), new CaseId(r.get("case_id", UUID.class)),
                r.get("number", String.class), r.get("title", String.class), r.get("starts_on", LocalDate.class),
                r.get("starts_at", LocalTime.class), r.get("duration_minutes", Integer.class),
                r.get("location", String.class), by == null ? null : new UserId(by),
                r.get("created_at", OffsetDateTime.class));
    }
}
