package io.dictum.web.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dictum.web.WebTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A conversation over HTTP: a question asked back, answered by the next words ("the estate one", "the second one"),
 * a question that lapses, and a wall or a closing that takes the conversation's case away. Each test talks as a user
 * of its own, so conversations of other tests do not interfere.
 */
class ConversationApiTest extends WebTestSupport {

    private static final String ESTATE = "2025-E-0004";
    private static final String ACME = "2025-PI-0019";

    private JsonNode say(String token, String text) {
        return postJson(token, "/api/v1/assistant/commands", Map.of("text", text));
    }

    /** A new associate signed in; returns the token and the user id. */
    private String[] newAssociate() {
        String username = "talk" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode user = postJson(login("admin"), "/api/v1/users", Map.of("username", username,
                "password", DEMO_PASSWORD, "role", "associate", "displayName", "Talker " + username));
        return new String[] {login(username), user.get("id").asText()};
    }

    private static List<String> candidateIds(JsonNode result) {
        return result.at("/result/candidates").findValuesAsText("id");
    }

    private JsonNode askWhichJohnson(String token) {
        JsonNode asked = say(token, "open the Johnson case");
        assertThat(asked.get("status").asText()).isEqualTo("needs_clarification");
        assertThat(candidateIds(asked)).containsExactlyInAnyOrder(caseId(ESTATE), caseId(ACME));
        return asked;
    }

    @Test
    void theEstateOneSettlesTheQuestionAndBecomesTheConversationsCase() {
        String token = newAssociate()[0];
        askWhichJohnson(token);

        JsonNode done = say(token, "the estate one");
        assertThat(done.get("intent").asText()).isEqualTo("open_case");
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.at("/slots/case").asText()).isEqualTo(caseId(ESTATE));
        assertThat(done.at("/result/openedCase/number").asText()).isEqualTo(ESTATE);

        // the question is settled: the same words again are no answer to anything
        JsonNode again = say(token, "the estate one");
        assertThat(again.get("status").asText()).isEqualTo("rejected");
        // and the estate is the conversation's case for the following commands
        JsonNode reading = postJson(token, "/api/v1/assistant/interpret", Map.of("text", "find the will"));
        assertThat(reading.at("/slots/case").asText()).isEqualTo(caseId(ESTATE));
    }

    @Test
    void theSecondOnePicksTheSecondCandidateAsListed() {
        String token = newAssociate()[0];
        JsonNode asked = askWhichJohnson(token);
        String second = candidateIds(asked).get(1);

        JsonNode done = say(token, "the second one");
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.at("/result/openedCase/id").asText()).isEqualTo(second);
    }

    @Test
    void johnsonVersusAcmeAnswersByName() {
        String token = newAssociate()[0];
        askWhichJohnson(token);
        JsonNode done = say(token, "Johnson versus Acme");
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.at("/result/openedCase/number").asText()).isEqualTo(ACME);
    }

    @Test
    void neitherCancelsAndANewCommandDropsTheQuestion() {
        String token = newAssociate()[0];
        askWhichJohnson(token);
        JsonNode cancelled = say(token, "neither");
        assertThat(cancelled.get("intent").asText()).isEqualTo("cancel");
        assertThat(cancelled.get("status").asText()).isEqualTo("done");
        assertThat(say(token, "the second one").get("status").asText()).isEqualTo("rejected");

        askWhichJohnson(token);
        JsonNode miller = say(token, "open the Miller case");
        assertThat(miller.get("status").asText()).isEqualTo("done");
        assertThat(miller.at("/result/openedCase/number").asText()).isEqualTo("2025-PI-0012");
        assertThat(say(token, "the second one").get("status").asText()).isEqualTo("rejected");
    }

    @Test
    void aLapsedQuestionIsNeverCarriedOut() {
        String token = newAssociate()[0];
        askWhichJohnson(token);
        clock.advance(Duration.ofMinutes(3)); // the question waits two minutes

        JsonNode late = say(token, "the estate one");
        assertThat(late.get("status").asText()).isEqualTo("rejected");
        assertThat(late.get("message").asText()).contains("expired").contains("again");
        assertThat(late.at("/result/openedCase").isMissingNode()).isTrue();
        JsonNode reading = postJson(token, "/api/v1/assistant/interpret", Map.of("text", "find the will"));
        assertThat(reading.at("/slots/case").isMissingNode()).as("no case was opened").isTrue();
    }

    @Test
    void anAmbiguousAssigneeIsSettledByTheNextWords() {
        String admin = login("admin");
        String first = word();
        String second = word();
        for (String family : List.of(first, second)) {
            postJson(admin, "/api/v1/users", Map.of("username", family.toLowerCase(), "password", DEMO_PASSWORD,
                    "role", "paralegal", "displayName", "Quentin " + family));
        }
        String token = newAssociate()[0];
        JsonNode asked = say(token, "remind Quentin to call the adjuster tomorrow");
        assertThat(asked.get("status").asText()).as(asked.toString()).isEqualTo("needs_clarification");
        assertThat(asked.at("/result/slot").asText()).isEqualTo("assignee");
        assertThat(asked.at("/result/candidates").findValuesAsText("id")).contains(first.toLowerCase(),
                second.toLowerCase());

        JsonNode done = say(token, "the " + second + " one");
        assertThat(done.get("intent").asText()).isEqualTo("create_task");
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.at("/result/assignee").asText()).isEqualTo("Quentin " + second);
        assertThat(done.at("/result/task/description").asText()).contains("call the adjuster");
    }

    /** A made-up word no other name has, so that reruns and other tests add no candidates. */
    private static String word() {
        String consonants = "bdfgklmnprstvz";
        String vowels = "aeiou";
        java.util.Random random = new java.util.Random();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            name.append(consonants.charAt(random.nextInt(consonants.length())))
                    .append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String surname() {
        return word() + "feather";
    }

    /** Two matters of a client family of its own, so that walls and closings here touch no other test's data. */
    private String[] familyCases(String family) {
        String token = login("ahale");
        String injury = postJson(token, "/api/v1/cases", Map.of("title", family + " v. Northwind Freight",
                "matterType", "personal_injury", "clientName", "Ada " + family)).get("id").asText();
        String estate = postJson(token, "/api/v1/cases", Map.of("title", "Estate of Ada " + family,
                "matterType", "estate", "clientName", "Ben " + family)).get("id").asText();
        return new String[] {injury, estate};
    }

    private void screen(String caseId, String userId) {
        postJson(login("ahale"), "/api/v1/cases/" + caseId + "/screens", Map.of("userId", userId));
    }

    @Test
    void aUserWalledOffAfterTheQuestionCannotReachTheCaseByAnswering() {
        String family = surname();
        String[] cases = familyCases(family);
        String[] user = newAssociate();
        JsonNode asked = say(user[0], "open the " + family + " case");
        assertThat(asked.get("status").asText()).as(asked.toString()).isEqualTo("needs_clarification");
        assertThat(candidateIds(asked)).contains(cases[0], cases[1]);

        screen(cases[1], user[1]);
        JsonNode answered = say(user[0], "the estate one");
        assertThat(answered.get("status").asText()).isEqualTo("rejected");
        assertThat(answered.toString()).doesNotContain("Estate of Ada");
        assertThat(answered.at("/result/openedCase").isMissingNode()).isTrue();
        JsonNode reading = postJson(user[0], "/api/v1/assistant/interpret", Map.of("text", "find the will"));
        assertThat(reading.at("/slots/case").isMissingNode()).isTrue();
    }

    @Test
    void theConversationsCaseIsDroppedWhenTheUserIsWalledOffOrTheCaseIsClosed() {
        String family = surname();
        String[] cases = familyCases(family);
        String[] user = newAssociate();
        assertThat(say(user[0], "open the " + family + " v Northwind case").at("/result/openedCase/id").asText())
                .isEqualTo(cases[0]);
        JsonNode before = postJson(user[0], "/api/v1/assistant/interpret", Map.of("text", "find the police report"));
        assertThat(before.at("/slots/case").asText()).isEqualTo(cases[0]);

        client().patch().uri("/api/v1/cases/" + cases[0]).headers(h -> h.setBearerAuth(login("ahale")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "closed", "closedOn",
                        java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).toString()))
                .exchange().expectStatus().isOk();
        JsonNode note = say(user[0], "take a note: called the adjuster");
        assertThat(note.get("status").asText()).as(note.toString()).isEqualTo("needs_clarification");
        assertThat(note.at("/slots/case").isMissingNode()).isTrue();
        // opening a closed matter on purpose makes it the context again: the closing came before the opening
        assertThat(say(user[0], "open the " + family + " v Northwind case").at("/result/openedCase/status").asText())
                .isEqualTo("closed");
        assertThat(postJson(user[0], "/api/v1/assistant/interpret", Map.of("text", "find the police report"))
                .at("/slots/case").asText()).isEqualTo(cases[0]);

        assertThat(say(user[0], "open the estate of ada " + family).at("/result/openedCase/id").asText())
                .isEqualTo(cases[1]);
        screen(cases[1], user[1]);
        JsonNode walled = say(user[0], "find the will");
        assertThat(walled.at("/slots/case").isMissingNode()).isTrue();
        assertThat(walled.toString()).doesNotContain(cases[1]);
    }
}
