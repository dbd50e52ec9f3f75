package io.dictum.intents.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.dictum.intents.EntityResolver;
import io.dictum.intents.Fallback;
import io.dictum.intents.Intent;
import io.dictum.intents.IntentCatalogue;
import io.dictum.intents.Interpretation;
import io.dictum.intents.InterpretationSource;
import io.dictum.intents.SlotFilling;
import io.dictum.intents.Utterance;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional last stage: a chat model with one tool per catalogue intent, built from the catalogue (its examples
 * and declared slots), asked to pick the intent and name each slot's value in the user's words. Dictum trusts the
 * model with nothing else: the intent must be one of the catalogue's, every value is read by Dictum's own slot
 * readers ({@link SlotFilling#validate}), cases are resolved by Dictum with the user's access. A refused call, a
 * timeout, an answer that is no tool call, an unknown intent or a value that does not read leaves the offline answer
 * standing.
 */
public final class LlmRouter implements Fallback {

    private static final Logger log = LoggerFactory.getLogger(LlmRouter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A model gives no calibrated score; its readings are reported below the floor of any pattern match (0.9) and
     * below the paraphrase classifier's thresholds, so a reader of {@code confidence} sees it is the least certain
     * stage.
     */
    static final double CONFIDENCE = 0.6;

    private static final String INSTRUCTIONS = """
            You route one utterance of a lawyer or their staff to a command of Dictum, a legal case-management \
            assistant. If the utterance asks for one of the tools, call exactly that one tool, once. Give each \
            argument in the user's own words as said (for example "next Friday", "an hour and a half", "the Miller \
            case"); do not convert, complete or invent values, and leave out arguments the user did not say. If the \
            utterance is not a request for one of the tools (small talk, a remark, a question about something \
            else), do not call any tool and answer with the single word: unknown.""";

    /** What each slot type asks of the model. */
    private static final Map<String, String> TYPE_HINTS = Map.ofEntries(
            Map.entry("case", "the case or matter as the user named it (a client or party name, or a case number)"),
            Map.entry("document", "the kind or name of document as said, e.g. police report"),
            Map.entry("text", "the words as said"),
            Map.entry("event", "what happened or is to happen, as said, e.g. the complaint was served"),
            Map.entry("date", "the day as said, e.g. tomorrow, next Friday, March third"),
            Map.entry("time", "the time of day as said, e.g. ten thirty, 2 pm"),
            Map.entry("duration", "the length of time as said, e.g. thirty minutes, point three, an hour and a half"),
            Map.entry("number", "the number as said"),
            Map.entry("person", "the person's or organisation's name as said"),
            Map.entry("role", "the party's role as said, e.g. opposing counsel, expert, insurer"),
            Map.entry("matter_type", "the kind of matter as said, e.g. personal injury, divorce"),
            Map.entry("period", "the span of days as said, e.g. this week, next month"));

    private final ChatModel model;
    private final SlotFilling slots;
    private final List<ToolSpecification> tools;

    public LlmRouter(IntentCatalogue catalogue, ChatModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.slots = new SlotFilling(catalogue);
        this.tools = tools(catalogue, slots);
    }

    /** The tools offered to the model, one per catalogue intent. */
    public List<ToolSpecification> tools() {
        return tools;
    }

    @Override
    public Optional<Interpretation> interpret(Utterance utterance, EntityResolver resolver) {
        AiMessage answer;
        try {
            answer = model.chat(ChatRequest.builder()
                    .messages(SystemMessage.from(INSTRUCTIONS), UserMessage.from(utterance.text()))
                    .toolSpecifications(tools)
                    .build()).aiMessage();
        } catch (RuntimeException e) { // refused, timed out, unreadable: the offline answer stands
            log.warn("The language model gave no answer, keeping the offline reading: {}", e.toString());
            return Optional.empty();
        }
        if (answer == null || !answer.hasToolExecutionRequests()) {
            return Optional.empty(); // the model, too, found no command
        }
        if (answer.toolExecutionRequests().size() != 1) {
            log.warn("The language model called {} tools for one utterance; keeping the offline reading",
                    answer.toolExecutionRequests().size());
            return Optional.empty();
        }
        ToolExecutionRequest call = answer.toolExecutionRequests().get(0);
        Optional<Intent> intent = slots.catalogue().intents().stream().filter(i -> i.id().equals(call.name())).findFirst();
        if (intent.isEmpty()) {
            log.warn("The language model named an intent the catalogue does not have: {}", call.name());
            return Optional.empty();
        }
        Optional<Map<String, String>> values = arguments(call.arguments());
        if (values.isEmpty()) {
            log.warn("The language model's arguments for {} are not an object of strings: {}", call.name(),
                    call.arguments());
            return Optional.empty();
        }
        Optional<Interpretation> reading = slots.validate(intent.get(), values.get(), utterance, resolver, CONFIDENCE,
                InterpretationSource.LLM);
        if (reading.isEmpty()) {
            log.info("The language model's slots for {} do not read as the catalogue's slots: {}", call.name(),
                    values.get());
        }
        return reading;
    }

    /** The arguments as slot name → value; empty unless they are a JSON object of strings (or nulls). */
    private static Optional<Map<String, String>> arguments(String json) {
        if (json == null || json.isBlank()) {
            return Optional.of(Map.of());
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                continue;
            }
            if (!field.getValue().isTextual()) {
                return Optional.empty();
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return Optional.of(values);
    }

    private static List<ToolSpecification> tools(IntentCatalogue catalogue, SlotFilling slots) {
        List<ToolSpecification> tools = new ArrayList<>();
        for (Intent intent : catalogue.intents()) {
            JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
            List<String> required = new ArrayList<>();
            for (SlotFilling.Slot slot : slots.slots(intent)) {
                parameters.addStringProperty(slot.name(), TYPE_HINTS.getOrDefault(slot.type(), "as said")
                        + (slot.fromContext() ? "; leave out to use the case open in the conversation" : ""));
                if (!slot.optional()) {
                    required.add(slot.name());
                }
            }
            tools.add(ToolSpecification.builder()
                    .name(intent.id())
                    .description(intent.id().replace('_', ' ') + ". Said for example: "
                            + String.join("; ", catalogue.examples(intent)))
                    .parameters(parameters.required(required).additionalProperties(false).build())
                    .build());
        }
        return List.copyOf(tools);
    }
}
