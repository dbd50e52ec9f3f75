package io.dictum.core.paging;

import io.dictum.core.errors.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields a list may be sorted by, each mapped onto its SQL expression: a whitelist, so that nothing a caller
 * sends reaches the SQL text. The tie-breaker (a unique column) keeps pages stable when sort values repeat.
 */
public final class Sorting {

    private final String resource;
    private final Map<String, String> columns;
    private final String defaultOrder;
    private final String tieBreaker;

    private Sorting(String resource, Map<String, String> columns, String defaultOrder, String tieBreaker) {
        this.resource = resource;
        this.columns = columns;
        this.defaultOrder = defaultOrder;
        this.tieBreaker = tieBreaker;
    }

    /** {@code fieldsAndColumns}: API field, SQL expression, API field, SQL expression, ... */
    public static Sorting of(String resource, String defaultOrder, String tieBreaker, String... fieldsAndColumns) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndColumns.length; i += 2) {
            columns.put(fieldsAndColumns[i], fieldsAndColumns[i + 1]);
        }
        return new Sorting(resource, columns, defaultOrder, tieBreaker);
    }

    /** The ORDER BY clause for a sort parameter, or the list's default order when none is given. */
    public String orderBy(Optional<String> sort) {
        if (sort.isEmpty()) {
            return " ORDER BY " + defaultOrder + ", " + tieBreaker;
        }
        String[] parts = sort.get().split(",", -1);
        String column = columns.get(parts[0].strip());
        String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        if (column == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            throw new InvalidInputException("sort '" + sort.get() + "' is not a sort order of " + resource
                    + ": use field or field,asc or field,desc with field one of " + String.join(", ", columns.keySet()));
        }
        // NULLs last either way, as people expect of "no due date" and the like; spelled portably.
        return " ORDER BY CASE WHEN " + column + " IS NULL THEN 1 ELSE 0 END, " + column + " "
                + direction.toUpperCase(Locale.ROOT) + ", " + tieBreaker;
    }
}
