package io.dictum.web.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class AppointmentApiTest extends WebTestSupport {

    private String newCase(String token, String title) {
        return postJson(token, "/api/v1/cases", Map.of("title", title + " " + UUID.randomUUID().toString()
                .substring(0, 6), "clientName", "Client of " + title)).get("id").asText();
    }

    private WebTestClient.ResponseSpec create(String token, String caseId, Object body) {
        return client().post().uri("/api/v1/cases/" + caseId + "/appointments").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec delete(String token, String id) {
        return client().delete().uri("/api/v1/appointments/" + id).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private String userId(String username) {
        for (JsonNode u : get(login("admin"), "/api/v1/users")) {
            if (u.get("username").asText().equals(username)) {
                return u.get("id").asText();
            }
        }
        throw new AssertionError(username);
    }

    @Test
    void anAppointmentIsCreatedListedByDateAndTimeWithinFromToAndDeletedWithAnAuditRecordEach() {
        String token = login("bking");
        String caseId = newCase(token, "Calendar v. Appointments");
        JsonNode mediation = create(token, caseId, Map.of("title", "Mediation", "date", "2031-03-06", "time", "13:30",
                "durationMinutes", 240, "location", "JAMS Chicago")).expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/v1/appointments?caseId=" + caseId)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(mediation.get("id").asText()).isNotBlank();
        assertThat(mediation.get("caseId").asText()).isEqualTo(caseId);
        assertThat(mediation.get("title").asText()).isEqualTo("Mediation");
        assertThat(mediation.get("date").asText()).isEqualTo("2031-03-06");
        assertThat(mediation.get("time").asText()).startsWith("13:30");
        assertThat(mediation.get("durationMinutes").asInt()).isEqualTo(240);
        assertThat(mediation.get("createdBy").asText()).isEqualTo(userId("bking"));
        postJson(token, "/api/v1/cases/" + caseId + "/appointments", Map.of("title", "Status conference",
                "date", "2031-03-06", "time", "09:00"));
        postJson(token, "/api/v1/cases/" + caseId + "/appointments", Map.of("title", "Trial preparation",
                "date", "2031-03-06"));
        postJson(token, "/api/v1/cases/" + caseId + "/appointments", Map.of("title", "Client meeting",
                "date", "2031-03-09", "time", "08:00"));

        JsonNode day = get(token, "/api/v1/appointments?caseId=" + caseId + "&from=2031-03-06&to=2031-03-06");
        assertThat(day.findValuesAsText("title")).containsExactly("Trial preparation", "Status conference",
                "Mediation");
        assertThat(day.get(0).has("time")).isFalse();
        assertThat(get(token, "/api/v1/appointments?from=2031-03-07&to=2031-03-31").findValuesAsText("title"))
                .contains("Client meeting").doesNotContain("Mediation");
        assertThat(get(token, "/api/v1/appointments?caseId=" + caseId).size()).isEqualTo(4);

        delete(token, mediation.get("id").asText()).expectStatus().isNoContent();
        assertThat(get(token, "/api/v1/appointments?caseId=" + caseId).findValuesAsText("title"))
                .doesNotContain("Mediation").hasSize(3);
        assertProblem(delete(token, mediation.get("id").asText()), 404);

        JsonNode trail = get(login("ahale"), "/api/v1/audit?caseId=" + caseId);
        assertThat(trail.findValuesAsText("action")).containsSubsequence("appointment.delete", "appointment.create",
                "appointment.create", "appointment.create", "appointment.create");
        assertThat(trail.get(0).get("actorName").asText()).isEqualTo("bking");
        assertThat(trail.get(0).get("entityId").asText()).isEqualTo(mediation.get("id").asText());
        assertThat(trail.get(0).get("details").asText()).isEqualTo("Mediation on 2031-03-06 at 13:30, 240 min,"
                + " JAMS Chicago");
    }

    @Test
    void badInputIsAProblemThatSaysWhatToSend() {
        String token = login("bking");
        String caseId = newCase(token, "Bad v. Input");
        record Bad(Object body, int status, String says) {
        }
        for (Bad bad : new Bad[] {
                new Bad(Map.of("date", "2031-03-06"), 400, "title is required"),
                new Bad(Map.of("title", "  ", "date", "2031-03-06"), 400, "title is required"),
                new Bad(Map.of("title", "Mediation"), 400, "date is required"),
                new Bad(Map.of("title", "Mediation", "date", "2031-02-30"), 400, "send yyyy-mm-dd"),
                new Bad(Map.of("title", "Mediation", "date", "March 6"), 400, "send yyyy-mm-dd"),
                new Bad(Map.of("title", "Mediation", "date", "2031-03-06", "time", "1:30 pm"), 400, "send HH:mm"),
                new Bad(Map.of("title", "Mediation", "date", "2031-03-06", "time", "13:30", "durationMinutes", -30),
                        400, "from 1 to 1440"),
                new Bad(Map.of("title", "Mediation", "date", "2031-03-06", "time", "13:30", "durationMinutes",
                        525_600), 400, "from 1 to 1440"),
                new Bad(Map.of("title", "Mediation", "date", "2031-03-06", "durationMinutes", 60), 400,
                        "needs a time"),
                new Bad(Map.of("title", "Mediation", "date", "2031-03-06", "time", "13:30", "durationMinutes",
                        "ninety"), 400, "ninety"),
                new Bad(Map.of("title", "Mediation", "date", "2031-03-06", "room", "B"), 400, "room")}) {
            JsonNode problem = assertProblem(create(token, caseId, bad.body()), bad.status());
            assertThat(problem.get("detail").asText()).as("%s", bad.body()).contains(bad.says());
        }
        assertProblem(create(token, UUID.randomUUID().toString(), Map.of("title", "Mediation", "date",
                "2031-03-06")), 404);
        assertProblem(create(token, "not-a-case", Map.of("title", "Mediation", "date", "2031-03-06")), 400);
        assertThat(assertProblem(client().get().uri("/api/v1/appointments?from=2031-03-09&to=2031-03-01")
                .headers(h -> h.setBearerAuth(token)).exchange(), 400).get("detail").asText()).contains("after");
        assertProblem(client().get().uri("/api/v1/appointments?from=tomorrow").headers(h -> h.setBearerAuth(token))
                .exchange(), 400);
        assertProblem(client().get().uri("/api/v1/appointments?caseId=" + UUID.randomUUID())
                .headers(h -> h.setBearerAuth(token)).exchange(), 404);
        assertThat(get(token, "/api/v1/appointments?caseId=" + caseId)).isEmpty();
    }

    @Test
    void aScreenedUserIsToldNotFoundAndAClientIsRefused() {
        String partner = login("mortiz");
        String walled = newCase(partner, "Walled v. Calendar");
        String id = postJson(partner, "/api/v1/cases/" + walled + "/appointments", Map.of("title", "Mediation",
                "date", "2031-04-02", "time", "10:00")).get("id").asText();
        String sarah = login("sarah");
        assertThat(get(sarah, "/api/v1/appointments?caseId=" + walled).findValuesAsText("id")).containsExactly(id);
        postJson(partner, "/api/v1/cases/" + walled + "/screens", Map.of("userId", userId("sarah")));

        assertProblem(create(sarah, walled, Map.of("title", "Deposition", "date", "2031-04-03")), 404);
        assertProblem(client().get().uri("/api/v1/appointments?caseId=" + walled)
                .headers(h -> h.setBearerAuth(sarah)).exchange(), 404);
        assertThat(get(sarah, "/api/v1/appointments?from=2031-04-02&to=2031-04-02&size=200")
                .findValuesAsText("id")).doesNotContain(id);
        assertProblem(delete(sarah, id), 404);

        ClientCase own = clientCase("Client v. Calendar");
        postJson(partner, "/api/v1/cases/" + own.caseId() + "/appointments", Map.of("title", "Client meeting",
                "date", "2031-04-06"));
        String client = login(own.clientUsername());
        assertProblem(create(client, own.caseId(), Map.of("title", "Mediation", "date", "2031-04-07")), 403);
        assertProblem(client().get().uri("/api/v1/appointments?caseId=" + own.caseId())
                .headers(h -> h.setBearerAuth(client)).exchange(), 403);
        assertProblem(delete(client, id), 403);
        assertThat(get(partner, "/api/v1/appointments?caseId=" + walled).findValuesAsText("id")).containsExactly(id);
        assertThat(get(partner, "/api/v1/appointments?caseId=" + own.caseId()).size()).isEqualTo(1);
    }

    @Test
    void aCaseFeedCarriesItsAppointments() {
        String token = login("bking");
        String caseId = newCase(token, "Feed v. Appointment");
        String id = postJson(token, "/api/v1/cases/" + caseId + "/appointments", Map.of("title", "Deposition of"
                + " the plant manager", "date", "2031-07-15", "time", "09:30", "durationMinutes", 120)).get("id")
                .asText();
        String url = postJson(token, "/api/v1/calendar/feeds", Map.of("caseId", caseId)).get("url").asText();
        String ics = new String(client().get().uri(URI.create(url).getPath()).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8)
                .replace("\r\n ", "");
        // 09:30 in New York in July is 13:30 UTC (daylight saving time)
        assertThat(ics).contains("UID:" + id + "@dictum\r\n", "DTSTART:20310715T133000Z\r\n",
                "DTEND:20310715T153000Z\r\n", "SUMMARY:Deposition of the plant manager (");
    }
}
