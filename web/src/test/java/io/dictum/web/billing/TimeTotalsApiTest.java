package io.dictum.web.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import io.dictum.web.paging.PageResponses;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** A case's time totals are summed by the database over every entry, not over the page a list shows. */
class TimeTotalsApiTest extends WebTestSupport {

    private static final int ENTRIES = 230;

    private EntityExchangeResult<JsonNode> list(String token, String uri) {
        return client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult();
    }

    @Test
    void totalsCoverEveryPageOfACasesEntries() {
        String token = login("bking");
        ClientCase c = clientCase("Fernhollow v. Quayside Time Totals");
        LocalDate start = LocalDate.of(2026, 1, 5);
        for (int i = 0; i < ENTRIES; i++) {
            // minutes that round up to tenths differently, and every third entry not billable
            postJson(token, "/api/v1/time-entries", Map.of("caseId", c.caseId(), "date",
                    start.plusDays(i % 60).toString(), "minutes", 1 + (i * 7) % 95, "description", "Work " + i,
                    "billable", i % 3 != 0));
        }
        String uri = "/api/v1/time-entries?caseId=" + c.caseId();
        EntityExchangeResult<JsonNode> first = list(token, uri);
        assertThat(first.getResponseHeaders().getFirst(PageResponses.TOTAL_COUNT)).isEqualTo(String.valueOf(ENTRIES));
        List<JsonNode> all = new ArrayList<>();
        first.getResponseBody().forEach(all::add);
        assertThat(all).hasSizeLessThan(ENTRIES);
        BigDecimal firstPageHours = sum(all, "billedHours", false);
        list(token, uri + "&page=1").getResponseBody().forEach(all::add);
        assertThat(all).hasSize(ENTRIES);

        JsonNode totals = get(token, "/api/v1/time-entries/totals?caseId=" + c.caseId());
        assertThat(totals.get("entries").asLong()).isEqualTo(ENTRIES);
        assertThat(totals.get("minutes").asLong()).isEqualTo(all.stream().mapToLong(e -> e.get("minutes").asLong())
                .sum());
        assertThat(totals.get("billedHours").decimalValue()).isEqualByComparingTo(sum(all, "billedHours", false))
                .isGreaterThan(firstPageHours);
        assertThat(totals.get("billableHours").decimalValue()).isEqualByComparingTo(sum(all, "billedHours", true));

        // the list's filters apply to the totals too
        String from = start.plusDays(30).toString();
        long later = all.stream().filter(e -> e.get("date").asText().compareTo(from) >= 0).count();
        assertThat(get(token, "/api/v1/time-entries/totals?caseId=" + c.caseId() + "&from=" + from)
                .get("entries").asLong()).isEqualTo(later).isBetween(1L, ENTRIES - 1L);
        assertThat(get(token, "/api/v1/time-entries/totals?caseId=" + c.caseId() + "&unbilled=true")
                .get("entries").asLong()).isEqualTo(all.stream().filter(e -> e.get("billable").asBoolean()).count());
        // time is the firm's: a client gets a problem, not totals
        assertProblem(client().get().uri("/api/v1/time-entries/totals?caseId=" + c.caseId())
                .headers(h -> h.setBearerAuth(login(c.clientUsername()))).exchange(), 403);
    }

    private static BigDecimal sum(List<JsonNode> entries, String field, boolean billableOnly) {
        return entries.stream().filter(e -> !billableOnly || e.get("billable").asBoolean())
                .map(e -> e.get(field).decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
