package io.dictum.web.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class InvoiceApiTest extends WebTestSupport {

    private WebTestClient.ResponseSpec post(String token, String uri, Object body) {
        var spec = client().post().uri(uri).headers(h -> h.setBearerAuth(token));
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String userId(String token) {
        // the id of the signed-in user, read from an entry they record on a scratch case
        JsonNode e = postJson(token, "/api/v1/time-entries", Map.of("caseId", caseId("2024-E-0009"), "minutes", 1,
                "date", "2024-01-02", "description", "Scratch", "billable", false));
        return e.get("userId").asText();
    }

    private JsonNode entry(String token, String caseId, String date, int minutes, String description) {
        return postJson(token, "/api/v1/time-entries", Map.of("caseId", caseId, "date", date, "minutes", minutes,
                "description", description, "taskCode", "L310", "activityCode", "A103"));
    }

    private String ledes(String token, String invoiceId) {
        byte[] body = client().get().uri("/api/v1/invoices/" + invoiceId + "?format=ledes")
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(byte[].class).returnResult().getResponseBody();
        return new String(body, StandardCharsets.US_ASCII);
    }

    @Test
    void anInvoiceBillsThePeriodInJsonAndLedesAndLocksItsEntries() {
        String partner = login("ahale");
        String associate = login("bking");
        String contract = caseId("2026-C-0008");
        String bking = userId(associate);
        postJson(partner, "/api/v1/rates", Map.of("userId", bking, "caseId", contract, "hourlyRate", 310.00));
        postJson(partner, "/api/v1/rates", Map.of("userId", bking, "hourlyRate", 275.00));
        JsonNode resolved = get(partner, "/api/v1/rates/resolve?userId=" + bking + "&caseId=" + contract);
        assertThat(resolved.get("level").asText()).isEqualTo("case_and_user");
        assertThat(resolved.get("hourlyRate").decimalValue()).isEqualByComparingTo("310.00");
        assertProblem(post(associate, "/api/v1/rates", Map.of("hourlyRate", 1)), 403);

        JsonNode a = entry(associate, contract, "2025-10-02", 25, "Drafted interrogatories");   // 0.5 h → 155.00
        JsonNode b = entry(associate, contract, "2025-10-30", 61, "Revised | responses");       // 1.1 h → 341.00
        JsonNode outside = entry(associate, contract, "2025-11-01", 30, "Next month");
        JsonNode expense = postJson(associate, "/api/v1/expenses", Map.of("caseId", contract, "date", "2025-10-15",
                "quantity", 200, "unitCost", 0.15, "description", "Copies", "expenseCode", "E101"));   // 30.00

        JsonNode invoice = post(partner, "/api/v1/invoices", Map.of("caseId", contract, "from", "2025-10-01", "to",
                "2025-10-31", "discountPercent", 5, "writeDowns", List.of(Map.of("itemId", b.get("id").asText(),
                        "amount", 41.00)))).expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        String id = invoice.get("id").asText();
        assertThat(invoice.get("status").asText()).isEqualTo("draft");
        assertThat(invoice.get("number").asText()).matches("INV-\\d{6}");
        assertThat(invoice.get("caseNumber").asText()).isEqualTo("2026-C-0008");
        assertThat(invoice.get("lines").findValuesAsText("type")).containsExactly("F", "F", "E", "IF");
        assertThat(invoice.get("lines").findValuesAsText("timeEntryId")).containsExactlyInAnyOrder(
                a.get("id").asText(), b.get("id").asText()).doesNotContain(outside.get("id").asText());
        // fees 155.00 + (341.00 − 41.00) = 455.00; expenses 30.00; discount 5 % = −22.75; total 462.25
        assertThat(invoice.get("feesTotal").decimalValue()).isEqualByComparingTo("455.00");
        assertThat(invoice.get("expensesTotal").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(invoice.get("adjustmentsTotal").decimalValue()).isEqualByComparingTo("-22.75");
        assertThat(invoice.get("total").decimalValue()).isEqualByComparingTo("462.25");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : invoice.get("lines")) {
            sum = sum.add(line.get("total").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo(invoice.get("total").decimalValue());
        assertThat(get(partner, "/api/v1/invoices/" + id + "?format=json").get("total").decimalValue())
                .isEqualByComparingTo("462.25");
        // a draft line is written down further and the discount follows: 155.00 − 5.00 + 300.00 + 30.00 − 22.50
        JsonNode lowered = client().patch().uri("/api/v1/invoices/" + id + "/lines/1")
                .headers(h -> h.setBearerAuth(partner)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("writeDown", 5.00)).exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(lowered.get("total").decimalValue()).isEqualByComparingTo("457.50");
        assertProblem(client().patch().uri("/api/v1/invoices/" + id + "/lines/4")
                .headers(h -> h.setBearerAuth(partner)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("writeDown", 1)).exchange(), 400);
        lowered = client().patch().uri("/api/v1/invoices/" + id + "/lines/1")
                .headers(h -> h.setBearerAuth(partner)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("writeDown", 0)).exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(lowered.get("total").decimalValue()).isEqualByComparingTo("462.25");

        String text = ledes(partner, id);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo("LEDES1998B[]");
        assertThat(lines[1]).isEqualTo("INVOICE_DATE|INVOICE_NUMBER|CLIENT_ID|LAW_FIRM_MATTER_ID|INVOICE_TOTAL"
                + "|BILLING_START_DATE|BILLING_END_DATE|INVOICE_DESCRIPTION|LINE_ITEM_NUMBER|EXP/FEE/INV_ADJ_TYPE"
                + "|LINE_ITEM_NUMBER_OF_UNITS|LINE_ITEM_ADJUSTMENT_AMOUNT|LINE_ITEM_TOTAL|LINE_ITEM_DATE"
                + "|LINE_ITEM_TASK_CODE|LINE_ITEM_EXPENSE_CODE|LINE_ITEM_ACTIVITY_CODE|TIMEKEEPER_ID"
                + "|LINE_ITEM_DESCRIPTION|LAW_FIRM_ID|LINE_ITEM_UNIT_COST|TIMEKEEPER_NAME"
                + "|TIMEKEEPER_CLASSIFICATION|CLIENT_MATTER_ID[]");
        assertThat(lines).hasSize(2 + 4);
        String[] second = lines[3].substring(0, lines[3].length() - 2).split("\\|", -1);
        assertThat(second).hasSize(24);
        assertThat(second[1]).isEqualTo(invoice.get("number").asText());
        assertThat(second[3]).isEqualTo("2026-C-0008");
        assertThat(second[4]).isEqualTo("462.25");
        assertThat(second[5]).isEqualTo("20251001");
        assertThat(second[6]).isEqualTo("20251031");
        assertThat(second[9]).isEqualTo("F");
        assertThat(second[10]).isEqualTo("1.10");
        assertThat(second[11]).isEqualTo("-41.00");
        assertThat(second[12]).isEqualTo("300.00");
        assertThat(second[13]).isEqualTo("20251030");
        assertThat(second[14]).isEqualTo("L310");
        assertThat(second[16]).isEqualTo("A103");
        assertThat(second[17]).isEqualTo("bking");
        assertThat(second[18]).isEqualTo("Revised responses");
        assertThat(second[20]).isEqualTo("310.00");
        assertThat(second[21]).isEqualTo("King, Brian");
        assertThat(second[22]).isEqualTo("AS");

        // billed entries are locked: 409, and nothing changes
        String billed = "/api/v1/time-entries/" + a.get("id").asText();
        assertThat(assertProblem(client().patch().uri(billed).headers(h -> h.setBearerAuth(associate))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("minutes", 300)).exchange(), 409)
                .get("detail").asText()).contains("void");
        assertProblem(client().delete().uri(billed).headers(h -> h.setBearerAuth(partner)).exchange(), 409);
        assertProblem(client().delete().uri("/api/v1/expenses/" + expense.get("id").asText())
                .headers(h -> h.setBearerAuth(partner)).exchange(), 409);
        assertThat(get(associate, billed).get("minutes").asInt()).isEqualTo(25);
        assertThat(get(associate, billed).get("billed").asBoolean()).isTrue();
        assertProblem(post(partner, "/api/v1/invoices", Map.of("caseId", contract, "from", "2025-10-01", "to",
                "2025-10-31")), 409);

        // voiding releases the entries; the number stays taken
        assertThat(postJson(partner, "/api/v1/invoices/" + id + "/void", Map.of()).get("status").asText())
                .isEqualTo("void");
        assertThat(client().patch().uri(billed).headers(h -> h.setBearerAuth(associate))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("minutes", 30)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("billed").asBoolean()).isFalse();
        assertProblem(post(partner, "/api/v1/invoices/" + id + "/issue", null), 409);
        JsonNode again = postJson(partner, "/api/v1/invoices", Map.of("caseId", contract, "from", "2025-10-01",
                "to", "2025-10-31"));
        assertThat(again.get("number").asText()).isNotEqualTo(invoice.get("number").asText());
        assertThat(postJson(partner, "/api/v1/invoices/" + again.get("id").asText() + "/issue", Map.of())
                .get("status").asText()).isEqualTo("issued");
        assertThat(postJson(partner, "/api/v1/invoices/" + again.get("id").asText() + "/pay", Map.of())
                .get("status").asText()).isEqualTo("paid");
        assertProblem(post(partner, "/api/v1/invoices/" + again.get("id").asText() + "/void", null), 409);
    }

    @Test
    void aClientSeesOnlyTheirOwnIssuedInvoices() {
        String partner = login("ahale");
        String associate = login("bking");
        String client = login("smiller");
        String miller = caseId("2025-PI-0012");
        String johnson = caseId("2025-PI-0019");
        postJson(partner, "/api/v1/rates", Map.of("hourlyRate", 200.00));
        entry(associate, miller, "2025-09-10", 60, "Met the adjuster");
        entry(associate, johnson, "2025-09-11", 60, "Called opposing counsel");
        String draft = postJson(partner, "/api/v1/invoices", Map.of("caseId", miller, "from", "2025-09-01", "to",
                "2025-09-30")).get("id").asText();
        String other = postJson(partner, "/api/v1/invoices", Map.of("caseId", johnson, "from", "2025-09-01", "to",
                "2025-09-30")).get("id").asText();
        postJson(partner, "/api/v1/invoices/" + other + "/issue", Map.of());

        // a draft is the firm's: the client cannot see it yet
        assertProblem(client().get().uri("/api/v1/invoices/" + draft).headers(h -> h.setBearerAuth(client))
                .exchange(), 404);
        assertThat(get(client, "/api/v1/invoices").findValuesAsText("id")).doesNotContain(draft, other);
        postJson(partner, "/api/v1/invoices/" + draft + "/issue", Map.of());
        assertThat(get(client, "/api/v1/invoices/" + draft).get("status").asText()).isEqualTo("issued");
        assertThat(ledes(client, draft)).startsWith("LEDES1998B[]\r\n");
        JsonNode mine = get(client, "/api/v1/invoices");
        assertThat(mine.findValuesAsText("id")).contains(draft).doesNotContain(other);
        assertThat(mine.findValuesAsText("caseNumber")).containsOnly("2025-PI-0012");
        // another client's invoice does not exist for her
        assertProblem(client().get().uri("/api/v1/invoices/" + other).headers(h -> h.setBearerAuth(client))
                .exchange(), 404);
        assertProblem(client().get().uri("/api/v1/invoices/" + other + "?format=ledes")
                .headers(h -> h.setBearerAuth(client)).exchange(), 404);
        assertProblem(client().get().uri("/api/v1/invoices?caseId=" + johnson).headers(h -> h.setBearerAuth(client))
                .exchange(), 404);
        // and she changes nothing
        assertProblem(post(client, "/api/v1/invoices", Map.of("caseId", miller)), 403);
        assertProblem(post(client, "/api/v1/invoices/" + draft + "/pay", null), 403);
        assertThat(get(partner, "/api/v1/invoices/" + draft).get("status").asText()).isEqualTo("issued");
    }

    @Test
    void badInvoiceRequestsAreProblemsAndTakeNoNumber() {
        String partner = login("ahale");
        String id = caseId("2026-E-0006");
        List<String> before = get(partner, "/api/v1/invoices").findValuesAsText("number");
        assertProblem(post(partner, "/api/v1/invoices", Map.of()), 400);
        assertProblem(post(partner, "/api/v1/invoices", Map.of("caseId", UUID.randomUUID().toString())), 404);
        assertProblem(post(partner, "/api/v1/invoices", Map.of("caseId", "x")), 400);
        assertProblem(post(partner, "/api/v1/invoices", Map.of("caseId", id, "from", "2025-12-01", "to",
                "2025-11-01")), 400);
        assertProblem(post(partner, "/api/v1/invoices", Map.of("caseId", id, "discountPercent", 150)), 400);
        assertProblem(post(partner, "/api/v1/invoices", Map.of("caseId", id, "to", "2025-13-01")), 400);
        assertThat(assertProblem(post(partner, "/api/v1/invoices", Map.of("caseId", id, "from", "2020-01-01", "to",
                "2020-12-31")), 409).get("detail").asText()).contains("nothing to invoice");
        assertProblem(client().get().uri("/api/v1/invoices/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(
                partner)).exchange(), 404);
        assertProblem(client().get().uri("/api/v1/invoices/nope").headers(h -> h.setBearerAuth(partner))
                .exchange(), 400);
        assertProblem(client().get().uri("/api/v1/invoices?status=lost").headers(h -> h.setBearerAuth(partner))
                .exchange(), 400);
        assertProblem(post(partner, "/api/v1/invoices/" + UUID.randomUUID() + "/issue", null), 404);
        List<String> after = get(partner, "/api/v1/invoices").findValuesAsText("number");
        assertThat(after).isEqualTo(before);

        // a real one takes the next number; a format that does not exist is refused
        entry(login("bking"), id, "2025-08-04", 45, "Reviewed the employment contract");
        postJson(partner, "/api/v1/rates", Map.of("matterType", "employment", "hourlyRate", 250.00));
        JsonNode made = postJson(partner, "/api/v1/invoices", Map.of("caseId", id, "to", "2025-08-31"));
        assertThat(made.get("lines").get(0).get("unitCost").decimalValue()).isGreaterThan(BigDecimal.ZERO);
        assertThat(assertProblem(client().get().uri("/api/v1/invoices/" + made.get("id").asText() + "?format=odt")
                .headers(h -> h.setBearerAuth(partner)).exchange(), 400).get("detail").asText()).contains("ledes");
    }

    @Test
    void invoiceNumbersHaveNoGaps() {
        String partner = login("ahale");
        postJson(partner, "/api/v1/rates", Map.of("hourlyRate", 200.00));
        String id = caseId("2026-PI-0004");
        entry(login("bking"), id, "2025-07-07", 30, "Intake interview");
        postJson(partner, "/api/v1/invoices", Map.of("caseId", id, "to", "2025-07-31"));
        List<Integer> numbers = new ArrayList<>();
        for (String n : get(partner, "/api/v1/invoices").findValuesAsText("number")) {
            numbers.add(Integer.parseInt(n.substring(4)));
        }
        numbers.sort(null);
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(i + 1);
        }
    }
}
