package io.dictum.web.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A case's notes, parties and document versions, time entries, expenses and invoices page and sort as the other
 * lists do: arrays as before, the page in X-Total-Count and Link headers, sort fields from a whitelist. Each test
 * works on a case of its own.
 */
class CaseListsPagingApiTest extends WebTestSupport {

    private EntityExchangeResult<JsonNode> list(String token, String uri) {
        return client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult();
    }

    private static long total(EntityExchangeResult<JsonNode> result) {
        return Long.parseLong(result.getResponseHeaders().getFirst(PageResponses.TOTAL_COUNT));
    }

    private static String links(EntityExchangeResult<JsonNode> result) {
        return result.getResponseHeaders().getFirst("Link");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private String userId(String username) {
        for (JsonNode u : get(login("admin"), "/api/v1/users")) {
            if (u.get("username").asText().equals(username)) {
                return u.get("id").asText();
            }
        }
        throw new AssertionError("no user " + username);
    }

    /**
     * A case of its own for a new client with a user, opened years ago: the dashboard's "recent cases" (the newest
     * ten, which browser tests read) stays as it was.
     */
    private record OwnCase(String caseId, String clientUsername) {
    }

    private OwnCase oldCase(String title) {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = postJson(login("ahale"), "/api/v1/cases", Map.of("title", title + " " + suffix,
                "matterType", "personal_injury", "clientName", "Client " + suffix, "openedOn", "2019-04-02"));
        String username = "client-" + suffix;
        postJson(login("admin"), "/api/v1/users", Map.of("username", username, "password", DEMO_PASSWORD,
                "role", "client", "displayName", "Client " + suffix, "contactId", created.get("clientId").asText()));
        return new OwnCase(created.get("id").asText(), username);
    }

    private JsonNode uploadVersion(String token, String caseId, String documentId, String filename, String text) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        if (documentId != null) {
            form.part("documentId", documentId);
        }
        return client().post().uri("/api/v1/cases/" + caseId + "/documents").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void notesPartiesAndDocumentVersionsOfACasePage() {
        String partner = login("ahale");
        OwnCase c = oldCase("Quillfeather v. Stonebridge Paging");
        String base = "/api/v1/cases/" + c.caseId();
        List<String> written = List.of("Called the adjuster.", "Sent the demand letter to Stonebridge.",
                "Client confirmed the treatment dates and the names of the two witnesses.");
        for (String text : written) {
            postJson(partner, base + "/notes", Map.of("text", text));
        }

        EntityExchangeResult<JsonNode> newest = list(partner, base + "/notes?size=2");
        assertThat(total(newest)).isEqualTo(3);
        assertThat(texts(newest.getResponseBody(), "text")).containsExactly(written.get(2), written.get(1));
        assertThat(links(newest)).contains("page=1>; rel=\"next\"", "rel=\"last\"").doesNotContain("rel=\"prev\"");
        EntityExchangeResult<JsonNode> oldest = list(partner, base + "/notes?size=2&page=1");
        assertThat(texts(oldest.getResponseBody(), "text")).containsExactly(written.get(0));
        assertThat(links(oldest)).contains("page=0>; rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(texts(get(partner, base + "/notes?sort=length,desc"), "text"))
                .containsExactly(written.get(2), written.get(1), written.get(0));
        // The first form of the list is unchanged: every note, newest first.
        assertThat(texts(get(partner, base + "/notes"), "text")).containsExactly(written.get(2), written.get(1),
                written.get(0));

        postJson(partner, base + "/parties", Map.of("name", "Zephyrine Adjusting Ltd.", "kind", "organization",
                "role", "insurer"));
        postJson(partner, base + "/parties", Map.of("name", "Bartholomew Stonebridge", "role", "opposing_party"));
        EntityExchangeResult<JsonNode> byName = list(partner, base + "/parties?sort=name&size=2");
        assertThat(total(byName)).isEqualTo(3);
        String clientName = "Client " + c.clientUsername().substring("client-".length());
        assertThat(texts(byName.getResponseBody(), "name")).containsExactly("Bartholomew Stonebridge", clientName);
        List<String> all = texts(get(partner, base + "/parties?sort=name,desc"), "name");
        assertThat(all).hasSize(3).isSortedAccordingTo(Comparator.comparing(String::toLowerCase,
                Comparator.reverseOrder()));
        assertThat(texts(get(partner, base + "/parties?sort=role"), "role")).isSorted();
        assertThat(texts(get(partner, base + "/parties"), "role")).first().isEqualTo("client");
        // A client reads the parties of their own case with the same headers.
        String client = login(c.clientUsername());
        EntityExchangeResult<JsonNode> theirs = list(client, base + "/parties?size=1&page=2&sort=name");
        assertThat(total(theirs)).isEqualTo(3);
        assertThat(texts(theirs.getResponseBody(), "name")).containsExactly("Zephyrine Adjusting Ltd.");

        String id = uploadVersion(partner, c.caseId(), null, "demand.txt", "Demand for policy limits.")
                .get("id").asText();
        uploadVersion(partner, c.caseId(), id, "demand-v2.txt", "Demand for policy limits, with the bills attached.");
        uploadVersion(partner, c.caseId(), id, "demand-v3.txt", "Final demand.");
        String versions = "/api/v1/documents/" + id + "/versions";
        EntityExchangeResult<JsonNode> firstPage = list(partner, versions + "?size=2");
        assertThat(total(firstPage)).isEqualTo(3);
        assertThat(texts(firstPage.getResponseBody(), "version")).containsExactly("3", "2");
        assertThat(texts(list(partner, versions + "?size=2&page=1").getResponseBody(), "version"))
                .containsExactly("1");
        assertThat(texts(get(partner, versions + "?sort=version,asc"), "version")).containsExactly("1", "2", "3");
        assertThat(texts(get(partner, versions + "?sort=size,desc"), "filename"))
                .containsExactly("demand-v2.txt", "demand.txt", "demand-v3.txt");
    }

    @Test
    void timeEntriesExpensesAndInvoicesPageAndFollowTheCasesVisibility() {
        String partner = login("ahale");
        OwnCase c = oldCase("Marchetti v. Ollivander Freight Paging");
        int[] minutes = {30, 90, 60};
        for (int day = 0; day < minutes.length; day++) {
            postJson(partner, "/api/v1/time-entries", Map.of("caseId", c.caseId(), "date", "2026-03-0" + (day + 2),
                    "minutes", minutes[day], "description", "Paging entry " + day, "taskCode", "L310",
                    "activityCode", "A103"));
        }
        postJson(partner, "/api/v1/expenses", Map.of("caseId", c.caseId(), "date", "2026-03-02", "amount", "40.00",
                "description", "Filing fee"));
        postJson(partner, "/api/v1/expenses", Map.of("caseId", c.caseId(), "date", "2026-03-03", "amount", "12.50",
                "description", "Courier"));

        String entries = "/api/v1/time-entries?caseId=" + c.caseId();
        EntityExchangeResult<JsonNode> newest = list(partner, entries + "&size=2");
        assertThat(total(newest)).isEqualTo(3);
        assertThat(texts(newest.getResponseBody(), "date")).containsExactly("2026-03-04", "2026-03-03");
        assertThat(links(newest)).contains("caseId=" + c.caseId(), "page=1>; rel=\"next\"");
        assertThat(texts(get(partner, entries + "&sort=minutes,desc"), "minutes")).containsExactly("90", "60", "30");
        assertThat(texts(get(partner, entries + "&sort=date&size=1&page=2"), "date")).containsExactly("2026-03-04");
        EntityExchangeResult<JsonNode> costs = list(partner, "/api/v1/expenses?caseId=" + c.caseId()
                + "&sort=amount");
        assertThat(total(costs)).isEqualTo(2);
        assertThat(texts(costs.getResponseBody(), "description")).containsExactly("Courier", "Filing fee");

        postJson(partner, "/api/v1/rates", Map.of("caseId", c.caseId(), "hourlyRate", 240.00));
        JsonNode first = postJson(partner, "/api/v1/invoices", Map.of("caseId", c.caseId(), "to", "2026-03-03"));
        postJson(partner, "/api/v1/invoices/" + first.get("id").asText() + "/issue", Map.of());
        JsonNode second = postJson(partner, "/api/v1/invoices", Map.of("caseId", c.caseId(), "from", "2026-03-04",
                "to", "2026-03-04"));
        String invoices = "/api/v1/invoices?caseId=" + c.caseId();
        EntityExchangeResult<JsonNode> ofCase = list(partner, invoices + "&size=1");
        assertThat(total(ofCase)).isEqualTo(2);
        assertThat(texts(ofCase.getResponseBody(), "id")).containsExactly(second.get("id").asText());
        assertThat(texts(get(partner, invoices + "&sort=number,asc"), "id"))
                .containsExactly(first.get("id").asText(), second.get("id").asText());
        assertThat(texts(get(partner, invoices + "&sort=total,desc"), "total"))
                .isSortedAccordingTo(Comparator.comparing(java.math.BigDecimal::new, Comparator.reverseOrder()));
        // The client sees the issued invoice only, and the count says so too.
        EntityExchangeResult<JsonNode> clients = list(login(c.clientUsername()), "/api/v1/invoices");
        assertThat(total(clients)).isEqualTo(1);
        assertThat(texts(clients.getResponseBody(), "id")).containsExactly(first.get("id").asText());

        // A colleague screened from the case finds none of its time, costs or invoices in the firm-wide lists.
        String ahale = userId("ahale");
        String colleague = login("mortiz");
        long before = total(list(colleague, "/api/v1/time-entries?userId=" + ahale + "&size=1"));
        long invoicesBefore = total(list(colleague, "/api/v1/invoices?size=1"));
        long expensesBefore = total(list(colleague, "/api/v1/expenses?size=1"));
        postJson(partner, "/api/v1/cases/" + c.caseId() + "/screens", Map.of("userId", userId("mortiz")));
        assertThat(total(list(colleague, "/api/v1/time-entries?userId=" + ahale + "&size=1")))
                .isEqualTo(before - 3);
        assertThat(total(list(colleague, "/api/v1/invoices?size=1"))).isEqualTo(invoicesBefore - 2);
        assertThat(total(list(colleague, "/api/v1/expenses?size=1"))).isEqualTo(expensesBefore - 2);
        assertThat(get(colleague, "/api/v1/invoices?size=200&status=draft").findValuesAsText("caseId"))
                .doesNotContain(c.caseId());
    }

    @Test
    void badPagingOfTheseListsIsAProblemNamingTheAllowedFields() {
        String token = login("ahale");
        OwnCase c = oldCase("Penhallow v. Drummond Paging");
        String document = uploadVersion(token, c.caseId(), null, "memo.txt", "A memo.").get("id").asText();
        Map<String, String> expected = Map.of(
                "/api/v1/cases/" + c.caseId() + "/notes?sort=text", "createdAt, author, length",
                "/api/v1/cases/" + c.caseId() + "/parties?sort=contactId", "name, role, addedAt",
                "/api/v1/documents/" + document + "/versions?sort=sha256", "version, createdAt, size, filename",
                "/api/v1/time-entries?sort=billable", "date, minutes, hours, description",
                "/api/v1/expenses?sort=unitCost", "date, amount, description, code",
                "/api/v1/invoices?sort=number,up", "number, date, status, total");
        expected.forEach((uri, allowed) -> {
            JsonNode problem = assertProblem(client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange(),
                    400);
            assertThat(problem.get("detail").asText()).as(uri).contains(allowed);
        });
        for (String uri : List.of("/api/v1/cases/" + c.caseId() + "/notes?size=0",
                "/api/v1/cases/" + c.caseId() + "/parties?page=-1", "/api/v1/documents/" + document
                        + "/versions?size=201", "/api/v1/time-entries?page=-2", "/api/v1/invoices?size=1000",
                "/api/v1/expenses?size=abc")) {
            assertProblem(client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange(), 400);
        }
    }
}
