package io.dictum.web.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue's changing and answering intents carried out through the services, as an attorney would say them. */
class SpokenCommandsTest extends WebTestSupport {

    private JsonNode say(String token, String text, String referenceTime) {
        return postJson(token, "/api/v1/assistant/commands", Map.of("text", text, "referenceTime", referenceTime));
    }

    @Test
    void servingTheComplaintDocketsTheAnswerAndReadsTheDateBack() {
        String token = login("mortiz");
        // Friday 4 December 2026 + 21 days = Friday 25 December, Christmas; Saturday, Sunday: Monday 28 December.
        JsonNode docketed = say(token, "the complaint in Kowalczyk was served today", "2026-12-04T10:00:00-05:00");
        assertThat(docketed.get("intent").asText()).isEqualTo("add_event");
        assertThat(docketed.get("status").asText()).isEqualTo("done");
        assertThat(docketed.get("message").asText()).contains("Monday, December 28, 2026")
                .contains("FRCP 12(a)(1)(A)(i)").contains("Kowalczyk v. Northside Logistics");

        JsonNode due = say(token, "what's due next week", "2026-12-21T09:00:00-05:00");
        assertThat(due.get("intent").asText()).isEqualTo("list_deadlines");
        assertThat(due.at("/result/deadlines").findValuesAsText("caseNumber")).contains("2025-E-0011");
        assertThat(due.get("message").asText()).contains("December 28, 2026");
        JsonNode thisWeek = say(token, "what's due this week", "2026-12-21T09:00:00-05:00");
        assertThat(thisWeek.at("/result/deadlines").findValuesAsText("dueDate")).doesNotContain("2026-12-28");
    }

    @Test
    void whatIsAskedAboutACaseIsNoPartOfItsName() {
        // the firm's index matches "miller deadlines" to Miller; the deadlines are what is asked for
        JsonNode result = say(login("ahale"), "show me the Miller deadlines", "2026-12-02T09:00:00-05:00");
        assertThat(result.get("intent").asText()).isEqualTo("list_deadlines");
        assertThat(result.at("/slots/case").asText()).isEqualTo(caseId("2025-PI-0012"));
        assertThat(result.get("message").asText()).contains("2025-PI-0012");
    }

    @Test
    void anAppointmentIsPutOnTheCaseCalendarNotDocketedAsACourtRuleEvent() {
        String token = login("bking");
        String rivera = caseId("2026-O-0003");
        JsonNode result = say(token, "schedule a deposition in the Rivera case next friday at 2 pm",
                "2026-12-02T09:00:00-05:00");
        assertThat(result.get("intent").asText()).isEqualTo("add_event");
        assertThat(result.get("status").asText()).isEqualTo("done");
        assertThat(result.get("message").asText()).isEqualTo("Scheduled deposition on Friday, December 11, 2026 at"
                + " 2:00 PM in Rivera v. City of Springfield.");
        assertThat(get(token, "/api/v1/appointments?caseId=" + rivera + "&from=2026-12-11&to=2026-12-11")
                .findValuesAsText("title")).containsOnly("Deposition"); // capitalised as the calendar shows it
        assertThat(get(token, "/api/v1/cases/" + rivera + "/events").size()).isZero();
    }

    @Test
    void anImpossibleDateIsAQuestionNotAWrongDeadline() {
        JsonNode result = say(login("bking"), "the complaint in Rivera was served on february thirtieth",
                "2026-12-02T09:00:00-05:00");
        assertThat(result.get("status").asText()).isNotEqualTo("done");
        assertThat(get(login("bking"), "/api/v1/cases/" + caseId("2026-O-0003") + "/events").size()).isZero();
    }

    @Test
    void aConflictCheckAndANewPartyByVoice() {
        String token = login("ahale");
        JsonNode check = say(token, "run a conflict check on Acme Insurance", "2026-12-02T09:00:00-05:00");
        assertThat(check.get("intent").asText()).isEqualTo("check_conflicts");
        assertThat(check.at("/result/hits").findValuesAsText("contactName")).contains("Acme Insurance Co.");

        JsonNode added = say(token, "add Thomas Keller as opposing counsel in the Rivera case",
                "2026-12-02T09:00:00-05:00");
        assertThat(added.get("status").asText()).isEqualTo("done");
        assertThat(added.get("message").asText()).startsWith("Added Thomas Keller as opposing counsel");
        assertThat(get(token, "/api/v1/cases/" + caseId("2026-O-0003") + "/parties").findValuesAsText("name"))
                .contains("Thomas Keller");
    }

    @Test
    void aNewMatterIsOpenedAndBecomesTheConversationsCase() {
        String token = login("bking");
        JsonNode created = say(token, "open a new slip and fall case for Priya Raman", "2026-12-02T09:00:00-05:00");
        assertThat(created.get("status").asText()).isEqualTo("done");
        assertThat(created.at("/result/createdCase/matterType").asText()).isEqualTo("personal_injury");
        assertThat(created.at("/result/createdCase/number").asText()).contains("-PI-");
        JsonNode opened = say(token, "open the Raman case", "2026-12-02T09:05:00-05:00");
        assertThat(opened.at("/slots/case").asText()).isEqualTo(created.at("/result/createdCase/id").asText());
    }

    @Test
    void timeIsCapturedByVoice() {
        String token = login("sarah");
        JsonNode started = say(token, "start a timer for the Johnson versus Acme matter", "2026-12-02T09:00:00-05:00");
        assertThat(started.get("status").asText()).isEqualTo("done");
        assertThat(started.get("message").asText()).contains("Johnson v. Acme Insurance");
        JsonNode again = say(token, "start a timer", "2026-12-02T09:00:30-05:00");
        assertThat(again.get("status").asText()).isEqualTo("rejected");
        // said back in words to say next, with the timer's own case: no endpoint, no id
        assertThat(again.get("message").asText()).startsWith("Your timer is running on Johnson v. Acme Insurance at 0:")
                .contains("say \"stop the timer\"").doesNotContain("/api/").doesNotContain(caseId("2025-PI-0019"));
        JsonNode stopped = say(token, "stop the timer", "2026-12-02T09:01:00-05:00");
        assertThat(stopped.get("status").asText()).isEqualTo("done");
        assertThat(stopped.get("message").asText()).startsWith("Timer stopped: 1 minute (0.10 h billed) on Johnson");
        assertThat(stopped.at("/result/entry/caseId").asText()).isEqualTo(caseId("2025-PI-0019"));
        JsonNode none = say(token, "stop the timer", "2026-12-02T09:03:00-05:00");
        assertThat(none.get("status").asText()).isEqualTo("rejected");
        assertThat(none.get("message").asText()).startsWith("You have no timer; say \"start a timer for")
                .doesNotContain("/api/");

        JsonNode logged = say(token, "log point three on Miller for a call with the adjuster",
                "2026-12-02T10:00:00-05:00");
        assertThat(logged.get("status").asText()).isEqualTo("done");
        assertThat(logged.at("/result/entry/minutes").asInt()).isEqualTo(18);
        assertThat(logged.at("/result/entry/billedHours").asText()).isEqualTo("0.3");
        assertThat(logged.at("/result/entry/description").asText()).contains("call with the adjuster");

        // what the time is for, said with the start, is the entry's description
        JsonNode research = say(token, "start timing research for the Johnson versus Acme matter",
                "2026-12-02T11:00:00-05:00");
        assertThat(research.get("message").asText()).isEqualTo("Timer started for Johnson v. Acme Insurance (research).");
        JsonNode researched = say(token, "stop the timer", "2026-12-02T11:06:00-05:00");
        assertThat(researched.at("/result/entry/description").asText()).isEqualTo("research");
    }

    @Test
    void aDemandLetterIsDraftedFromTheFirmsTemplateByVoice() {
        String token = login("ahale");
        JsonNode drafted = say(token, "draft a demand letter for the Miller case using our standard template",
                "2026-12-02T09:00:00-05:00");
        assertThat(drafted.get("intent").asText()).isEqualTo("draft_document");
        assertThat(drafted.get("status").asText()).isEqualTo("done");
        assertThat(drafted.get("message").asText()).contains("Miller v. Acme Trucking").contains("draft for review");
        String id = drafted.at("/result/document/id").asText();
        assertThat(drafted.at("/result/link").asText()).isEqualTo("/api/v1/documents/" + id + "/content");
        assertThat(get(token, "/api/v1/cases/" + caseId("2025-PI-0012") + "/documents").findValuesAsText("id"))
                .contains(id);
    }
}
