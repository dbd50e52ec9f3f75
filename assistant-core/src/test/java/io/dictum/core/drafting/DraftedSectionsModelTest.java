package io.dictum.core.drafting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.model.chat.ChatModel;
import io.dictum.core.CoreConfiguration;
import io.dictum.core.access.Actor;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseId;
import io.dictum.core.cases.CaseService;
import io.dictum.core.cases.LegalCase;
import io.dictum.core.documents.DocumentService;
import io.dictum.core.drafting.DraftingService.DraftedSection;
import io.dictum.core.drafting.DraftingService.GeneratedDocument;
import io.dictum.core.users.UserRepository;
import io.dictum.templates.docx.DocxPdfRenderer;
import io.dictum.templates.docx.OnMissing;
import io.dictum.templates.extraction.TextExtractor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The starter demand letter's summary of injuries, drafted for the demo firm's Miller case from its Bayview medical
 * records by a language model that WireMock plays (an OpenAI-compatible endpoint): a good answer is inserted under
 * its label; a server error, a timeout, an empty, unreadable or "insufficient" answer, and no model at all each leave
 * the section marked as needing writing while the draft is still stored.
 */
class DraftedSectionsModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/chat/completions";
    private static final String INSTRUCTION = "a summary of the client's injuries and the treatment received";
    private static final String NEEDS_WRITING = "[This section needs writing: " + INSTRUCTION + "]";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(CoreConfiguration.class)
    static class App {
    }

    private static WireMockServer server;
    private static ConfigurableApplicationContext context;
    private static Actor partner;
    private static CaseId miller;
    private static TemplateId demandLetter;

    @BeforeAll
    static void start() throws Exception {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(
                "dictum.data-dir=" + Files.createTempDirectory("dictum-drafting-"), "dictum.demo=true",
                "dictum.time-zone=America/New_York", "spring.flyway.enabled=false", "spring.main.banner-mode=off",
                "logging.level.root=warn",
                "dictum.llm.base-url=" + server.baseUrl() + "/v1", "dictum.llm.model=test-model",
                "dictum.llm.timeout=2s").run();
        partner = context.getBean(UserRepository.class).findCredentials("ahale").blockOptional()
                .map(c -> new Actor(c.user().id(), c.user().username(), c.user().role(), c.user().contactId()))
                .orElseThrow();
        miller = context.getBean(CaseService.class).list(partner, Optional.empty(), 0, 200)
                .filter(c -> c.number().equals("2025-PI-0012")).map(LegalCase::id).blockFirst();
        demandLetter = context.getBean(TemplateService.class).list(partner)
                .filter(t -> t.name().equals("Demand letter (personal injury)")).map(Template::id).blockFirst();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static GeneratedDocument generate(DraftingService drafting) {
        return drafting.generate(partner, new DraftingService.GenerateRequest(demandLetter, miller, Map.of(),
                OnMissing.MARK, null)).block();
    }

    private static String text(GeneratedDocument draft) throws Exception {
        var stored = context.getBean(DocumentService.class).content(partner, draft.document().id(), Optional.empty())
                .block();
        Path file = Files.createTempFile("drafted-", ".docx");
        try (InputStream in = stored.open().call()) {
            Files.write(file, in.readAllBytes());
        }
        try {
            return new TextExtractor(1_000_000).extract(file, "draft.docx").text().orElseThrow();
        } finally {
            Files.delete(file);
        }
    }

    /** An OpenAI chat completion whose message says {@code content}. */
    private static void answer(String content) throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion",
                        "created", 1, "model", "test-model", "choices", List.of(Map.of("index", 0,
                                "finish_reason", "stop", "message", Map.of("role", "assistant",
                                        "content", content))))))));
    }

    @Test
    void aGoodAnswerIsInsertedUnderItsLabelAndTheModelWasGivenTheMedicalRecords() throws Exception {
        answer("On March 3, 2025 Ms. Miller was treated in the emergency department of Bayview Medical Center for a"
                + " cervical strain and a lumbar sprain.\n\nA CT of her cervical spine showed no fracture; she was"
                + " discharged with a referral to physical therapy.");

        long audited = sentToTheModel();
        GeneratedDocument draft = generate(context.getBean(DraftingService.class));

        // what was sent to the model, and from which documents, is in the audit trail
        assertThat(sentToTheModel()).isEqualTo(audited + 1);
        assertThat(context.getBean(AuditLog.class).forCase(miller, 50).filter(r -> r.action().equals("draft.section"))
                .blockFirst().details()).contains(INSTRUCTION, "Medical Records - Bayview Medical Center", "drafted");
        assertThat(draft.sections()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(DraftedSection.DRAFTED);
            assertThat(s.instruction()).isEqualTo(INSTRUCTION);
            assertThat(s.sources()).containsExactly(
                    "Medical Records - Bayview Medical Center (medical records, version 1)");
            assertThat(s.reason()).isNull();
        });
        String text = text(draft);
        assertThat(text).containsSubsequence("Injuries.",
                "DRAFT FOR REVIEW \u2014 written by the language model from Medical Records - Bayview Medical"
                        + " Center (medical records, version 1)",
                "was treated in the emergency department of Bayview Medical Center",
                "discharged with a referral to physical therapy.", "Damages.");
        assertThat(text).doesNotContain("[#draft", "needs writing");
        // the model was told to keep to the facts, and given the instruction and the medical records' text
        server.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(containing("never invent"))
                .withRequestBody(containing(INSTRUCTION.replace("'", "\\u0027")).or(containing(INSTRUCTION)))
                .withRequestBody(containing("Diagnosis: cervical\\nstrain, lumbar sprain").or(
                        containing("Diagnosis: cervical strain, lumbar sprain")))
                .withRequestBody(containing("CT of the cervical spine negative for fracture"))
                .withRequestBody(containing("test-model")));
    }

    @Test
    void aServerErrorLeavesTheSectionToBeWritten() throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"internal error\",\"type\":\"server_error\"}}")));

        assertNeedsWriting(generate(context.getBean(DraftingService.class)), "could not be reached");
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aTimeoutLeavesTheSectionToBeWritten() throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(6_000)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        assertNeedsWriting(generate(context.getBean(DraftingService.class)), "in time");
    }

    @Test
    void emptyUnreadableOrInsufficientAnswersLeaveTheSectionToBeWritten() throws Exception {
        answer("   ");
        assertNeedsWriting(generate(context.getBean(DraftingService.class)), "no text");

        answer("INSUFFICIENT.");
        assertNeedsWriting(generate(context.getBean(DraftingService.class)), "found no facts");

        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"choices\": \"this is not a chat")));
        assertNeedsWriting(generate(context.getBean(DraftingService.class)), "could not be read");
    }

    @Test
    void withoutAModelNothingIsSentAndTheSectionIsToBeWritten() throws Exception {
        DraftingService offline = new DraftingService(context.getBean(TemplateService.class),
                context.getBean(CaseValues.class), context.getBean(DocumentService.class),
                context.getBean(DocxPdfRenderer.class), context.getBean(CaseSources.class),
                new DefaultListableBeanFactory().getBeanProvider(ChatModel.class), context.getBean(AuditLog.class));

        long audited = sentToTheModel();
        assertNeedsWriting(generate(offline), "no language model is configured");
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(sentToTheModel()).isEqualTo(audited);
    }

    private static long sentToTheModel() {
        return context.getBean(AuditLog.class).forCase(miller, 10_000).filter(r -> r.action().equals("draft.section"))
                .count().block();
    }

    private static void assertNeedsWriting(GeneratedDocument draft, String reason) throws Exception {
        assertThat(draft.document()).isNotNull();
        assertThat(draft.sections()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(DraftedSection.NEEDS_WRITING);
            assertThat(s.reason()).contains(reason);
        });
        String text = text(draft);
        assertThat(text).containsSubsequence("Injuries.", NEEDS_WRITING, "Damages.");
        assertThat(text).doesNotContain("DRAFT FOR REVIEW");
    }
}
