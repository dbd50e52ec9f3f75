package io.dictum.core.drafting;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.dictum.core.drafting.CaseSources.SourceText;
import io.dictum.templates.docx.DraftSection;
import io.dictum.templates.docx.SectionText;
import io.dictum.templates.docx.SectionWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the {@code [#draft]} sections of one draft with the firm's language model, from the sources gathered for
 * it. Called by the template while it is filled, on a bounded-elastic thread; each call waits at most the model's
 * timeout ({@code DICTUM_LLM_TIMEOUT}). Anything short of a usable answer — no model, no source text, an error, a
 * timeout, an empty or over-long answer, the model saying the facts are not there — leaves the section to be written
 * by hand, with the reason in {@link #reports()}.
 */
final class ModelSectionWriter implements SectionWriter {

    private static final Logger log = LoggerFactory.getLogger(ModelSectionWriter.class);

    /** Characters of all sources of one section together. */
    static final int MAX_SOURCES = 30_000;
    /** An answer longer than this is not a section of a letter; it is not used. */
    static final int MAX_ANSWER = 10_000;
    static final String INSUFFICIENT = "INSUFFICIENT";

    static final String INSTRUCTIONS = """
            You draft one section of a legal document for a lawyer, who reviews it before it is used. Write only \
            from the facts stated in the sources given; never invent, assume or add a fact, name, date, diagnosis, \
            treatment, amount or figure the sources do not state, and do not speculate. If the sources do not hold \
            the facts the section needs, answer with the single word %s. Write plain prose paragraphs separated by \
            a blank line: no heading or title, no lists, no markdown, no greeting or closing, nothing about \
            yourself or these instructions.""".formatted(INSUFFICIENT);

    /** What became of one section: the sources the model was given (or found), and why it needs writing if it does. */
    record Report(DraftSection section, List<String> sources, boolean sent, String reason) {
    }

    private final Optional<ChatModel> model;
    private final CaseSources.Found found;
    private final List<Report> reports = new ArrayList<>();

    ModelSectionWriter(Optional<ChatModel> model, CaseSources.Found found) {
        this.model = model;
        this.found = found;
    }

    List<Report> reports() {
        return List.copyOf(reports);
    }

    @Override
    public Optional<SectionText> write(DraftSection section) {
        List<SourceText> texts = section.sources().stream().flatMap(s -> found.of(s).stream()).distinct().toList();
        List<String> labels = texts.stream().map(t -> t.label() + (t.shortened() ? " (shortened)" : "")).toList();
        if (model.isEmpty()) {
            return needsWriting(section, labels, false, "no language model is configured (DICTUM_LLM_BASE_URL)");
        }
        if (texts.isEmpty()) {
            return needsWriting(section, labels, false, "the case file has no text in "
                    + String.join(", ", section.sources()));
        }
        String answer;
        try {
            answer = model.get().chat(ChatRequest.builder()
                    .messages(SystemMessage.from(INSTRUCTIONS), UserMessage.from(prompt(section, texts)))
                    .build()).aiMessage().text();
        } catch (RuntimeException e) {
            boolean timeout = causes(e).stream().anyMatch(c -> c.getClass().getSimpleName().contains("Timeout"));
            log.warn("The language model did not draft '{}': {}", section.instruction(), e.toString());
            return needsWriting(section, labels, true, timeout
                    ? "the language model did not answer in time (DICTUM_LLM_TIMEOUT)"
                    : "the language model could not be reached or its answer could not be read");
        }
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty()) {
            return needsWriting(section, labels, true, "the language model gave no text");
        }
        if (text.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT).equals(INSUFFICIENT)) {
            return needsWriting(section, labels, true, "the language model found no facts for it in the sources");
        }
        if (text.length() > MAX_ANSWER) {
            return needsWriting(section, labels, true, "the language model's answer was longer than " + MAX_ANSWER
                    + " characters");
        }
        List<String> paragraphs = List.of(text.split("\\r?\\n\\s*\\n")).stream().map(p -> p.strip()
                .replaceAll("\\s*\\r?\\n\\s*", " ")).filter(p -> !p.isEmpty()).toList();
        reports.add(new Report(section, labels, true, null));
        return Optional.of(new SectionText("DRAFT FOR REVIEW \u2014 written by the language model from "
                + String.join("; ", labels) + ". Check every statement against the sources before use.",
                paragraphs));
    }

    /** The request: the instruction, then each source under its name, all bounded together. */
    static String prompt(DraftSection section, List<SourceText> texts) {
        StringBuilder sb = new StringBuilder("Section to write: ").append(section.instruction())
                .append("\n\nSources:\n");
        int left = MAX_SOURCES;
        for (SourceText t : texts) {
            if (left <= 0) {
                break;
            }
            String text = t.text().length() > left ? t.text().substring(0, left) : t.text();
            left -= text.length();
            sb.append("\n=== ").append(t.label()).append(" ===\n").append(text).append('\n');
        }
        return sb.toString();
    }

    private Optional<SectionText> needsWriting(DraftSection section, List<String> labels, boolean sent,
                                               String reason) {
        reports.add(new Report(section, labels, sent, reason));
        return Optional.empty();
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable t = e; t != null && !all.contains(t); t = t.getCause()) {
            all.add(t);
        }
        return all;
    }

    /** The sources in words, for the audit trail. */
    static String describe(Report r) {
        return r.section().instruction() + "; sources: " + (r.sources().isEmpty() ? "none"
                : r.sources().stream().collect(Collectors.joining(", "))) + (r.reason() == null ? "; drafted"
                : "; needs writing: " + r.reason());
    }
}
