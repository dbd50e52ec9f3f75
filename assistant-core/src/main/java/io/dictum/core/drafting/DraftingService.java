package io.dictum.core.drafting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.langchain4j.model.chat.ChatModel;
import io.dictum.core.access.Actor;
import io.dictum.core.access.CaseAccess;
import io.dictum.core.audit.AuditLog;
import io.dictum.core.cases.CaseId;
import io.dictum.core.documents.Document;
import io.dictum.core.documents.DocumentId;
import io.dictum.core.documents.DocumentService;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.templates.docx.DocxPdfRenderer;
import io.dictum.templates.docx.DraftOutcome;
import io.dictum.templates.docx.DraftSection;
import io.dictum.templates.docx.Filled;
import io.dictum.templates.docx.Location;
import io.dictum.templates.docx.MissingValue;
import io.dictum.templates.docx.OnMissing;
import io.dictum.templates.docx.TemplateFormatException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Drafts documents from templates and the case file: generation stores the draft as a new case document, previews
 * return it without storing, and any .docx document can be read as PDF.
 */
@Service
public class DraftingService {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** What to generate. {@code values} add to or override the case file's values. */
    public record GenerateRequest(TemplateId templateId, CaseId caseId, Map<String, Object> values,
                                  OnMissing onMissing, String name) {
    }

    /** The template a draft was made from. */
    public record TemplateRef(TemplateId id, String name, int version) {
    }

    /**
     * The stored draft (its document fields at the top level), its template, the values that were missing and each
     * {@code [#draft]} section the draft kept: written by the language model, or needing writing and why.
     */
    public record GeneratedDocument(@JsonUnwrapped Document document, TemplateRef template,
                                    List<MissingValue> missing, List<DraftedSection> sections) {
    }

    /** One {@code [#draft]} section of a generated draft. {@code status} is drafted or needs_writing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DraftedSection(String instruction, String status, List<String> sources, String reason,
                                 Location location) {
        public static final String DRAFTED = "drafted";
        public static final String NEEDS_WRITING = "needs_writing";
    }

    /** A file made on request and not stored: a preview or a PDF rendering. */
    public record Rendered(byte[] content, String mediaType, String filename, List<MissingValue> missing) {
    }

    private final TemplateService templates;
    private final CaseValues caseValues;
    private final DocumentService documents;
    private final DocxPdfRenderer pdf;
    private final CaseSources sources;
    private final ObjectProvider<ChatModel> model;
    private final AuditLog audit;

    public DraftingService(TemplateService templates, CaseValues caseValues, DocumentService documents,
                           DocxPdfRenderer pdf, CaseSources sources, ObjectProvider<ChatModel> model, AuditLog audit) {
        this.templates = templates;
        this.caseValues = caseValues;
        this.documents = documents;
        this.pdf = pdf;
        this.sources = sources;
        this.model = model;
        this.audit = audit;
    }

    /**
     * Fills the template from the case file and stores the draft as a new document of the case. With
     * {@link OnMissing#FAIL} (the default) a missing value is a {@link MissingValuesException} and nothing is
     * stored; with {@link OnMissing#MARK} each is marked in the draft and listed in the answer.
     */
    public Mono<GeneratedDocument> generate(Actor actor, GenerateRequest request) {
        return Mono.defer(() -> {
            CaseAccess.requireFirmMember(actor, "draft documents");
            if (request.templateId() == null || request.caseId() == null) {
                return Mono.error(new InvalidInputException("templateId and caseId are required"));
            }
            OnMissing onMissing = request.onMissing() == null ? OnMissing.FAIL : request.onMissing();
            Map<String, Object> given = formatted(request.values());
            return Mono.zip(templates.load(actor, request.templateId(), Optional.empty()),
                            caseValues.forCase(actor, request.caseId()))
                    .flatMap(t -> {
                        TemplateService.Loaded loaded = t.getT1();
                        if (InvoicePlaceholders.isInvoiceKind(loaded.template().documentKind())) {
                            return Mono.error(new InvalidInputException("'" + loaded.template().name() + "' is an"
                                    + " invoice template; it is filled from an invoice: GET /api/v1/invoices/{id}"
                                    + "?format=docx"));
                        }
                        Map<String, Object> values = new LinkedHashMap<>(t.getT2());
                        values.putAll(given);
                        return Mono.fromCallable(() -> drafts(loaded, values, onMissing))
                                .subscribeOn(Schedulers.boundedElastic())
                                .flatMap(drafts -> drafts.isEmpty() ? Mono.just(new CaseSources.Found(Map.of()))
                                        : sources.gather(actor, request.caseId(), drafts, values))
                                .flatMap(found -> {
                                    ModelSectionWriter writer = new ModelSectionWriter(
                                            Optional.ofNullable(model.getIfAvailable()), found);
                                    return Mono.fromCallable(() -> loaded.docx().fill(values, onMissing, writer))
                                            .subscribeOn(Schedulers.boundedElastic())
                                            .flatMap(filled -> audited(actor, request.caseId(), writer.reports())
                                                    .then(store(actor, request, loaded, values, filled, onMissing,
                                                            sections(filled, writer.reports()))));
                                });
                    });
        });
    }

    /**
     * The template's drafted sections, or none when the draft will not be made anyway (values missing and the
     * caller chose to fail): case text is sent to the model only for a draft that is stored.
     */
    private static List<DraftSection> drafts(TemplateService.Loaded loaded, Map<String, Object> values,
                                             OnMissing onMissing) {
        List<DraftSection> drafts = loaded.docx().drafts();
        if (drafts.isEmpty() || onMissing != OnMissing.FAIL) {
            return drafts;
        }
        return loaded.docx().fill(values, OnMissing.FAIL).complete() ? drafts : List.of();
    }

    /** Every section whose sources went to the language model is in the audit trail, with what was sent. */
    private Mono<Void> audited(Actor actor, CaseId caseId, List<ModelSectionWriter.Report> reports) {
        return reactor.core.publisher.Flux.fromIterable(reports).filter(ModelSectionWriter.Report::sent)
                .concatMap(r -> audit.record(actor, "draft.section", "case", caseId.toString(), caseId,
                        "sent to the language model: " + ModelSectionWriter.describe(r)))
                .then();
    }

    private static List<DraftedSection> sections(Filled filled, List<ModelSectionWriter.Report> reports) {
        List<ModelSectionWriter.Report> left = new ArrayList<>(reports);
        List<DraftedSection> out = new ArrayList<>();
        for (DraftOutcome o : filled.sections()) {
            ModelSectionWriter.Report report = left.stream().filter(r -> r.section().equals(o.section()))
                    .findFirst().orElse(null);
            left.remove(report);
            List<String> used = report == null ? List.of() : report.sources();
            String reason = o.written() ? null : report == null || report.reason() == null
                    ? "the language model's answer had no text" : report.reason();
            out.add(new DraftedSection(o.section().instruction(), o.written() ? DraftedSection.DRAFTED
                    : DraftedSection.NEEDS_WRITING, used, reason, o.section().location()));
        }
        return out;
    }

    private Mono<GeneratedDocument> store(Actor actor, GenerateRequest request, TemplateService.Loaded loaded,
                                          Map<String, Object> values, Filled filled, OnMissing onMissing,
                                          List<DraftedSection> sections) {
        Template template = loaded.template();
        if (!filled.complete() && onMissing == OnMissing.FAIL) {
            return Mono.error(new MissingValuesException(template.name(), filled.missing()));
        }
        String name = request.name() != null && !request.name().isBlank() ? request.name().strip()
                : template.name() + " - " + values.getOrDefault("CaseTitle", values.getOrDefault("CaseNumber", ""));
        if (name.length() > 300) {
            return Mono.error(new InvalidInputException("name is longer than 300 characters"));
        }
        String kind = template.documentKind() == null ? "draft" : template.documentKind();
        return documents.add(actor, request.caseId(), name, kind, filename(name, "docx"), filled.docx())
                .map(document -> new GeneratedDocument(document, new TemplateRef(template.id(), template.name(),
                        loaded.version()), filled.missing(), sections));
    }

    /**
     * Fills a template without storing anything: sample values for every placeholder, then the case file's when a
     * case is given, then the given values; anything still missing is marked. {@code format} is docx or pdf. A
     * preview asks no language model: its {@code [#draft]} sections say they need writing.
     */
    public Mono<Rendered> preview(Actor actor, TemplateId id, Optional<CaseId> caseId, Map<String, Object> values,
                                  String format) {
        return Mono.defer(() -> {
            boolean asPdf = format(format);
            Map<String, Object> given = formatted(values);
            Mono<Map<String, Object>> fromCase = caseId.map(c -> caseValues.forCase(actor, c))
                    .orElseGet(() -> caseValues.general(actor));
            return Mono.zip(templates.load(actor, id, Optional.empty()), fromCase).flatMap(t -> {
                Map<String, Object> all = new LinkedHashMap<>(Placeholders.samples());
                all.putAll(InvoicePlaceholders.samples());
                all.putAll(t.getT2());
                all.putAll(given);
                return Mono.fromCallable(() -> {
                    Filled filled = t.getT1().docx().fill(all, OnMissing.MARK);
                    String base = "Preview - " + t.getT1().template().name();
                    return asPdf ? new Rendered(pdf.render(filled.docx()), "application/pdf", filename(base, "pdf"),
                            filled.missing())
                            : new Rendered(filled.docx(), DOCX, filename(base, "docx"), filled.missing());
                }).subscribeOn(Schedulers.boundedElastic());
            });
        });
    }

    /** A Word document version of a case (the newest when none is given) rendered as PDF. */
    public Mono<Rendered> pdf(Actor actor, DocumentId id, Optional<Integer> version) {
        return documents.content(actor, id, version).flatMap(stored -> {
            var v = stored.version();
            boolean docx = DOCX.equals(v.mediaType()) || v.filename().toLowerCase(Locale.ROOT).endsWith(".docx");
            if (!docx) {
                return Mono.error(new UnconvertibleDocumentException("Version " + v.version() + " of document " + id
                        + " is " + v.mediaType() + ", not a Word document (.docx); only .docx documents can be"
                        + " converted to PDF. Download it as it is with GET /api/v1/documents/" + id + "/content."));
            }
            return Mono.fromCallable(() -> {
                byte[] bytes;
                try (InputStream in = stored.open().call()) {
                    bytes = in.readAllBytes();
                }
                try {
                    return new Rendered(pdf.render(bytes), "application/pdf", filename(base(v.filename()), "pdf"),
                            List.of());
                } catch (TemplateFormatException e) {
                    throw new UnconvertibleDocumentException("Version " + v.version() + " of document " + id
                            + " cannot be converted to PDF: " + e.getMessage());
                }
            }).subscribeOn(Schedulers.boundedElastic());
        });
    }

    /**
     * For the voice intent {@code draft_document}: finds the template the words name ("demand letter", "notice of
     * appearance") and drafts it for the case, marking missing values so the draft always exists. Ambiguous or
     * unknown words are a {@link NotFoundException} that lists the templates.
     */
    public Mono<GeneratedDocument> draft(Actor actor, CaseId caseId, String templateWords) {
        // Invoice templates are filled from invoices, never from a case file.
        return templates.list(actor).filter(t -> !InvoicePlaceholders.isInvoiceKind(t.documentKind()))
                .collectList().flatMap(all -> {
            Optional<Template> chosen = bestMatch(all, templateWords);
            if (chosen.isEmpty()) {
                return Mono.error(new NotFoundException("No template matches '" + templateWords + "'. The templates"
                        + " are: " + all.stream().map(Template::name).collect(Collectors.joining(", ")) + "."));
            }
            return generate(actor, new GenerateRequest(chosen.get().id(), caseId, Map.of(), OnMissing.MARK, null));
        });
    }

    /** The template whose name and description share the most words with the spoken ones; empty when none. */
    static Optional<Template> bestMatch(List<Template> templates, String words) {
        Set<String> wanted = words(words == null ? "" : words);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        record Scored(Template template, double score) {
        }
        List<Scored> scored = templates.stream().map(t -> {
            Set<String> name = words(t.name());
            Set<String> described = words(t.description() == null ? "" : t.description());
            double score = 0;
            for (String w : wanted) {
                score += name.contains(w) ? 1 : described.contains(w) ? 0.3 : 0;
            }
            return new Scored(t, score / Math.max(1, name.size()) + score);
        }).filter(s -> s.score() > 0).sorted(Comparator.comparingDouble(Scored::score).reversed()).toList();
        if (scored.isEmpty() || (scored.size() > 1 && scored.get(0).score() == scored.get(1).score())) {
            return Optional.empty();
        }
        return Optional.of(scored.get(0).template());
    }

    private static final Set<String> STOP = Set.of("a", "an", "the", "our", "my", "standard", "template", "using",
            "use", "with", "for", "to", "of", "letter");

    private static Set<String> words(String text) {
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        Set<String> words = Stream.of(plain.split("[^a-z0-9]+")).filter(w -> !w.isBlank() && !STOP.contains(w))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (words.isEmpty() && plain.contains("letter")) {
            words.add("letter");
        }
        return words;
    }

    private static Map<String, Object> formatted(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (values == null) {
            return out;
        }
        values.forEach((name, value) -> {
            if (name == null || !name.matches("[A-Z][A-Za-z0-9]{0,99}")) {
                throw new InvalidInputException("'" + name + "' in values is not a placeholder name; names start"
                        + " with a capital letter and have letters and digits only, e.g. DemandAmount");
            }
            try {
                Object formatted = Placeholders.format(name, value);
                if (formatted != null) {
                    out.put(name, formatted);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage());
            }
        });
        return out;
    }

    private static boolean format(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("docx")) {
            return false;
        }
        if (format.equalsIgnoreCase("pdf")) {
            return true;
        }
        throw new InvalidInputException("format must be docx or pdf; got '" + format + "'");
    }

    private static String base(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }

    /** A file name from a document name: letters, digits, spaces, dots and dashes kept. */
    static String filename(String name, String extension) {
        String safe = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9 .&_-]+", " ").replaceAll("\\s+", " ").replaceAll("^[.\\s]+", "").strip();
        if (safe.isEmpty()) {
            safe = "draft";
        }
        if (safe.length() > 200) {
            safe = safe.substring(0, 200).strip();
        }
        return safe + "." + extension;
    }
}
