package io.dictum.core.access;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * The cases an actor may see, as an SQL condition every query that lists case data appends: a client only their own
 * cases, and nobody a case they are screened from by an ethical wall. One definition, so lists, counts, deadlines
 * and search cannot disagree.
 */
public final class CaseFilter {

    private static final UUID NO_CONTACT = new UUID(0, 0);

    private final Actor actor;

    private CaseFilter(Actor actor) {
        this.actor = actor;
    }

    public static CaseFilter of(Actor actor) {
        return new CaseFilter(actor);
    }

    /**
     * A condition to AND into a WHERE clause, for a query in which {@code caseId} and {@code clientId} are the
     * column expressions of the case's id and client (for example {@code c.id} and {@code c.client_id}).
     */
    public String condition(String caseId, String clientId) {
        String screened = caseId + " NOT IN (SELECT case_id FROM case_screens WHERE user_id = :visibleToUser)";
        return actor.role().isFirmMember() ? screened : "(" + clientId + " = :visibleToClient AND " + screened + ")";
    }

    public GenericExecuteSpec bind(GenericExecuteSpec spec) {
        spec = spec.bind("visibleToUser", actor.userId() == null ? NO_CONTACT : actor.userId().value());
        if (!actor.role().isFirmMember()) {
            spec = spec.bind("visibleToClient", actor.contactId().map(c -> c.value()).orElse(NO_CONTACT));
        }
        return spec;
    }
}
