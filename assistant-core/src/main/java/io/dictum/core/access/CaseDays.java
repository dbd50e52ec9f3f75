package io.dictum.core.access;

import io.dictum.core.cases.CaseId;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Which rows of a dated case table a list shows (deadlines by their due day, appointments by their day): on the cases
 * the filter lets through, of one case when given, on [from, to] with either end open. The WHERE clause and its
 * bindings, shared by a list, a page and a count; the query joins the case as {@code c}.
 *
 * @param caseColumn the row's case id column ("d.case_id")
 * @param dayColumn  the row's day column ("d.due_date")
 */
public record CaseDays(String caseColumn, String dayColumn, Optional<CaseId> caseId, CaseFilter visible,
                       Optional<LocalDate> from, Optional<LocalDate> to) {

    public String where() {
        StringBuilder sql = new StringBuilder(" WHERE " + visible.condition("c.id", "c.client_id"));
        caseId.ifPresent(x -> sql.append(" AND ").append(caseColumn).append(" = :caseId"));
        from.ifPresent(x -> sql.append(" AND ").append(dayColumn).append(" >= :from"));
        to.ifPresent(x -> sql.append(" AND ").append(dayColumn).append(" <= :to"));
        return sql.toString();
    }

    public GenericExecuteSpec bind(GenericExecuteSpec spec) {
        spec = visible.bind(spec);
        if (caseId.isPresent()) {
            spec = spec.bind("caseId", caseId.get().value());
        }
        if (from.isPresent()) {
            spec = spec.bind("from", from.get());
        }
        if (to.isPresent()) {
            spec = spec.bind("to", to.get());
        }
        return spec;
    }
}
