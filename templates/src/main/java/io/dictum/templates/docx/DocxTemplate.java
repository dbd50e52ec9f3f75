package io.dictum.templates.docx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import jakarta.xml.bind.JAXBElement;
import org.docx4j.XmlUtils;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.Part;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart;
import org.docx4j.relationships.Relationship;
import org.docx4j.wml.BooleanDefaultTrue;
import org.docx4j.wml.Br;
import org.docx4j.wml.CTSdtContentRun;
import org.docx4j.wml.CTTxbxContent;
import org.docx4j.wml.ContentAccessor;
import org.docx4j.wml.Highlight;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.ProofErr;
import org.docx4j.wml.R;
import org.docx4j.wml.RPr;
import org.docx4j.wml.SdtBlock;
import org.docx4j.wml.SdtContentBlock;
import org.docx4j.wml.SdtRun;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;

/**
 * A Word template (.docx) with placeholders, filled from a map of values.
 *
 * <h2>Placeholder syntax</h2>
 * <ul>
 *   <li>{@code [ClientName]}: a field. Names start with a capital letter and contain letters and digits only, so
 *   ordinary bracketed text ("[sic]", "[emphasis added]") stays as it is. Word may split a placeholder across runs
 *   (spell checking, a formatting change inside it); it is still found, and the value takes the formatting of the
 *   placeholder's first character.</li>
 *   <li>{@code [#if Name]...[/if]}, {@code [#if !Name]...[/if]} and {@code [#else]}: a section kept only when the
 *   value is present (a non-blank text, a non-empty list, {@code true}), or absent with {@code !}.</li>
 *   <li>{@code [#each Name]...[/each]}: a section repeated for every item of a list; inside it, the item's fields
 *   ({@code [Name]}) come first, the document's fields stay visible.</li>
 *   <li>{@code [#draft a summary of the client's injuries from: medical records, notes]}, alone in its paragraph:
 *   a section written while filling by the caller's {@link SectionWriter} from the named sources (see
 *   {@link DraftSection}). The written paragraphs replace the tag's paragraph, under a highlighted label saying who
 *   wrote them; a section nobody could write reads "[This section needs writing: instruction]", highlighted. It
 *   cannot stand inside {@code [#each]}, where it would be drafted once per item.</li>
 *   <li>{@code [[}: a literal "[".</li>
 * </ul>
 * A section may lie within one paragraph, or span paragraphs (or table rows): then its opening and closing tags each
 * stand alone in their own paragraph (or row), and those paragraphs (rows) are dropped from the result.
 *
 * <p>Placeholders are found in the body, headers and footers, in tables, in text boxes (DrawingML and VML), inside
 * content controls (block and inline {@code w:sdt}) and in hyperlinks: in the link text and in the link's address
 * ({@code https://portal.example/cases/[CaseNumber]}, also as Word writes it, {@code %5BCaseNumber%5D}). A value put
 * into an address is URL-encoded unless the placeholder is the whole address; a missing value leaves the address as
 * it was (it cannot be marked there) and is reported. A section inside a hyperlink or content control stays within
 * it; a text box is filled as a document of its own, from the document's values.
 *
 * <p>Instances are immutable and thread-safe; each operation reads the package afresh. Blocking and CPU-bound.
 */
public final class DocxTemplate {

    private static final ObjectFactory WML = new ObjectFactory();
    private static final org.docx4j.relationships.ObjectFactory RELS = new org.docx4j.relationships.ObjectFactory();
    private static final String MARK_PREFIX = "\u00abMISSING: ";
    private static final String MARK_SUFFIX = "\u00bb";

    private final byte[] bytes;
    /** The drafted sections and syntax problems, found once on first use (instances are immutable). */
    private volatile Structure structure;

    /** What a template holds regardless of values: its drafted sections and its broken syntax. */
    private record Structure(List<DraftSection> drafts, List<TemplateProblem> problems) {
    }

    private DocxTemplate(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Reads a template; fails when the bytes are not a Word .docx document. */
    public static DocxTemplate read(byte[] bytes) throws TemplateFormatException {
        load(bytes);
        return new DocxTemplate(bytes.clone());
    }

    static WordprocessingMLPackage load(byte[] bytes) throws TemplateFormatException {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new TemplateFormatException("the file is not a Word document (.docx): it is not even a zip"
                    + " archive. Save it from Word as \"Word Document (*.docx)\".", null);
        }
        try {
            WordprocessingMLPackage pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(bytes));
            if (pkg.getMainDocumentPart() == null || pkg.getMainDocumentPart().getContents() == null) {
                throw new TemplateFormatException("the file has no Word document body", null);
            }
            return pkg;
        } catch (TemplateFormatException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new TemplateFormatException("the file is not a Word document (.docx) that can be read: "
                    + firstLine(e) + ". Save it from Word as \"Word Document (*.docx)\".", e);
        }
    }

    /** Broken syntax and names outside the vocabulary, each with its location; empty when the template is good. */
    public List<TemplateProblem> validate(Vocabulary vocabulary) {
        Session s = session(Mode.VALIDATE, validationValues(vocabulary), OnMissing.MARK, SectionWriter.NONE);
        s.run();
        return List.copyOf(s.problems);
    }

    /** Every field, condition and list name the template uses, sorted. */
    public Set<String> placeholders() {
        Session s = session(Mode.VALIDATE, Map.of(), OnMissing.MARK, SectionWriter.NONE);
        s.run();
        return new TreeSet<>(s.used);
    }

    /**
     * Every {@code [#draft]} section, with its place, in reading order; also those inside {@code [#if]} sections
     * that a fill may leave out. Lets a caller gather the sources before filling.
     */
    public List<DraftSection> drafts() {
        return structure().drafts();
    }

    private Structure structure() {
        Structure found = structure;
        if (found == null) {
            Session s = session(Mode.VALIDATE, Map.of(), OnMissing.MARK, SectionWriter.NONE);
            s.run();
            found = new Structure(List.copyOf(s.drafts), List.copyOf(s.problems));
            structure = found;
        }
        return found;
    }

    /** Fills the template; {@code [#draft]} sections say they need writing. See the three-argument form. */
    public Filled fill(Map<String, ?> values, OnMissing onMissing) {
        return fill(values, onMissing, SectionWriter.NONE);
    }

    /**
     * Fills the template. Values are texts, numbers, {@link LocalDate}s (written as "March 3, 2026"), booleans,
     * lists of maps (for {@code [#each]}), or lists of texts. A missing value is reported; with
     * {@link OnMissing#FAIL} no document is produced, with {@link OnMissing#MARK} it is marked in the draft.
     *
     * <p>{@code writer} writes each {@code [#draft]} section the fill keeps; it is not called when the syntax is
     * broken.
     *
     * @throws TemplateSyntaxException when the template's syntax is broken
     */
    public Filled fill(Map<String, ?> values, OnMissing onMissing, SectionWriter writer) {
        if (writer != SectionWriter.NONE && !structure().drafts().isEmpty() && !structure().problems().isEmpty()) {
            throw new TemplateSyntaxException(structure().problems()); // before anyone is asked to write
        }
        Session s = session(Mode.FILL, values, onMissing, writer);
        s.run();
        if (!s.problems.isEmpty()) {
            throw new TemplateSyntaxException(new ArrayList<>(s.problems));
        }
        List<MissingValue> missing = List.copyOf(s.missing);
        if (!missing.isEmpty() && onMissing == OnMissing.FAIL) {
            return new Filled(null, missing, s.outcomes);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 4096);
            s.pkg.save(out);
            return new Filled(out.toByteArray(), missing, s.outcomes);
        } catch (Exception e) {
            throw new IllegalStateException("the filled document could not be written: " + firstLine(e), e);
        }
    }

    private Session session(Mode mode, Map<String, ?> values, OnMissing onMissing, SectionWriter writer) {
        try {
            return new Session(load(bytes), mode, values, onMissing, writer);
        } catch (TemplateFormatException e) {
            throw new IllegalStateException("a template read once could not be read again", e);
        }
    }

    private static Map<String, Object> validationValues(Vocabulary vocabulary) {
        Map<String, Object> values = new LinkedHashMap<>();
        vocabulary.fields().forEach(f -> values.put(f, "x"));
        vocabulary.lists().forEach((list, itemFields) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            itemFields.forEach(f -> item.put(f, "x"));
            values.put(list, List.of(item));
        });
        return values;
    }

    private enum Mode { VALIDATE, FILL }

    /** A section found in a list of blocks, rows or runs. */
    private record Section(Token open, Location location, List<Object> then, List<Object> otherwise) {
    }

    private static final class Scope {
        private final Map<String, ?> values;
        private final Scope parent;

        Scope(Map<String, ?> values, Scope parent) {
            this.values = values;
            this.parent = parent;
        }

        Object lookup(String name) {
            Object v = values.get(name);
            if (v != null) {
                return v;
            }
            return parent == null ? null : parent.lookup(name);
        }
    }

    /** One pass over a freshly loaded package: normalise runs, then render (or just check) every part. */
    private static final class Session {
        final WordprocessingMLPackage pkg;
        final Mode mode;
        final Map<String, ?> values;
        final OnMissing onMissing;
        final SectionWriter writer;
        final List<DraftSection> drafts = new ArrayList<>();
        final List<DraftOutcome> outcomes = new ArrayList<>();
        /** How many [#each] sections enclose what is being rendered. */
        int eachDepth;
        final Set<TemplateProblem> problems = new LinkedHashSet<>();
        final Set<MissingValue> missing = new LinkedHashSet<>();
        final Set<String> used = new LinkedHashSet<>();
        final Map<Object, Location> locations = new IdentityHashMap<>();
        Location current;
        /** The part being processed, whose relationships hold its hyperlinks' addresses. */
        Part currentPart;
        /** Hyperlink relationships replaced by filled copies; removed once the part is done. */
        final Set<String> replacedLinks = new LinkedHashSet<>();

        Session(WordprocessingMLPackage pkg, Mode mode, Map<String, ?> values, OnMissing onMissing,
                SectionWriter writer) {
            this.pkg = pkg;
            this.mode = mode;
            this.values = values;
            this.onMissing = onMissing;
            this.writer = writer;
        }

        void run() {
            process(pkg.getMainDocumentPart(), "body", pkg.getMainDocumentPart().getContent());
            Map<String, Part> parts = new java.util.TreeMap<>();
            pkg.getParts().getParts().forEach((name, part) -> parts.put(name.getName(), part));
            for (Part part : parts.values()) {
                if (part instanceof HeaderPart header) {
                    process(header, "header", header.getContent());
                } else if (part instanceof FooterPart footer) {
                    process(footer, "footer", footer.getContent());
                }
            }
        }

        /** A part's text boxes (each filled in place, as a document of its own), then its own blocks. */
        private void process(Part owner, String label, List<Object> content) {
            currentPart = owner;
            List<CTTxbxContent> boxes = new ArrayList<>();
            TextBoxes.collect(content, boxes);
            for (CTTxbxContent box : boxes) {
                process(label.equals("body") ? "text box" : label + " text box", box.getContent());
            }
            process(label, content);
            if (mode == Mode.FILL && owner.getRelationshipsPart() != null) {
                for (String id : replacedLinks) {
                    var rel = owner.getRelationshipsPart().getRelationshipByID(id);
                    if (rel != null) {
                        owner.getRelationshipsPart().removeRelationship(rel);
                    }
                }
            }
            replacedLinks.clear();
        }

        private void process(String part, List<Object> content) {
            int[] counter = {0};
            normalize(part, content, counter);
            List<Object> out = renderBlocks(new ArrayList<>(content), new Scope(values, null));
            if (mode == Mode.FILL) {
                content.clear();
                content.addAll(out);
            }
        }

        // ---- normalisation: every tag in a run of its own -------------------------------------------------

        private void normalize(String part, List<Object> content, int[] counter) {
            for (Object o : content) {
                Object u = XmlUtils.unwrap(o);
                if (u instanceof P p) {
                    counter[0]++;
                    normalizeRuns(p.getContent());
                    locations.put(p, new Location(part, counter[0], excerpt(p)));
                } else if (u instanceof SdtBlock sdt && sdt.getSdtContent() != null) {
                    normalize(part, sdt.getSdtContent().getContent(), counter);
                } else if (u instanceof Tbl tbl) {
                    for (Object row : tbl.getContent()) {
                        if (XmlUtils.unwrap(row) instanceof Tr tr) {
                            Location first = null;
                            for (Object cell : tr.getContent()) {
                                if (XmlUtils.unwrap(cell) instanceof Tc tc) {
                                    int before = counter[0];
                                    normalize(part, tc.getContent(), counter);
                                    if (first == null && counter[0] > before) {
                                        first = new Location(part, before + 1, "");
                                    }
                                }
                            }
                            locations.put(tr, first == null ? new Location(part, counter[0], "") : first);
                        }
                    }
                }
            }
        }

        /** An atom of a paragraph's text: a w:t (text) or any other run content (one placeholder character). */
        private record Atom(R run, Object content, String text) {
        }

        /**
         * Puts every tag of a paragraph's runs (or of a hyperlink's or inline content control's runs, each on its
         * own) into a run of its own, keeping the formatting of the run where the tag starts.
         */
        private static void normalizeRuns(List<Object> content) {
            for (Object child : content) {
                List<Object> inner = inlineContent(child);
                if (inner != null) {
                    normalizeRuns(inner);
                }
            }
            List<Atom> atoms = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            boolean hasBracket = false;
            for (Object child : content) {
                if (child instanceof R r) {
                    for (Object rc : r.getContent()) {
                        String t = wText(rc);
                        if (t != null) {
                            atoms.add(new Atom(r, rc, t));
                            sb.append(t);
                            hasBracket |= t.indexOf('[') >= 0;
                        } else {
                            atoms.add(new Atom(r, rc, null));
                            sb.append('\u0000');
                        }
                    }
                }
            }
            if (!hasBracket) {
                return;
            }
            String text = sb.toString();
            Matcher m = Token.PATTERN.matcher(text);
            List<int[]> spans = new ArrayList<>();
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
            }
            if (spans.isEmpty()) {
                return;
            }
            // Fast path: every tag already alone in a run of one text element.
            List<Object> rebuilt = new ArrayList<>();
            int pos = 0;
            int atomIndex = 0;
            R[] tokenRuns = new R[spans.size()];
            R out = null;
            R outSource = null;
            for (Object child : content) {
                if (!(child instanceof R r)) {
                    if (!(child instanceof ProofErr)) {
                        rebuilt.add(child);
                        out = null;
                    }
                    continue;
                }
                for (int k = 0; k < r.getContent().size(); k++) {
                    Atom atom = atoms.get(atomIndex++);
                    if (atom.text == null) {
                        if (out == null || outSource != r) {
                            out = newRun(r);
                            outSource = r;
                            rebuilt.add(out);
                        }
                        out.getContent().add(atom.content);
                        pos++;
                        continue;
                    }
                    int end = pos + atom.text.length();
                    int i = pos;
                    while (i < end) {
                        int token = spanAt(spans, i);
                        if (token >= 0) {
                            int pieceEnd = Math.min(end, spans.get(token)[1]);
                            String piece = text.substring(i, pieceEnd);
                            if (tokenRuns[token] == null) {
                                tokenRuns[token] = newRun(r);
                                tokenRuns[token].getContent().add(WML.createRT(text(piece)));
                                rebuilt.add(tokenRuns[token]);
                            } else {
                                Text t = (Text) XmlUtils.unwrap(tokenRuns[token].getContent().get(0));
                                t.setValue(t.getValue() + piece);
                            }
                            out = null;
                            i = pieceEnd;
                        } else {
                            int next = nextSpanStart(spans, i, end);
                            if (out == null || outSource != r) {
                                out = newRun(r);
                                outSource = r;
                                rebuilt.add(out);
                            }
                            out.getContent().add(WML.createRT(text(text.substring(i, next))));
                            i = next;
                        }
                    }
                    pos = end;
                }
                out = null;
            }
            content.clear();
            content.addAll(rebuilt);
        }

        private static int spanAt(List<int[]> spans, int i) {
            for (int k = 0; k < spans.size(); k++) {
                if (spans.get(k)[0] <= i && i < spans.get(k)[1]) {
                    return k;
                }
            }
            return -1;
        }

        private static int nextSpanStart(List<int[]> spans, int i, int end) {
            for (int[] span : spans) {
                if (span[0] > i && span[0] < end) {
                    return span[0];
                }
            }
            return end;
        }

        // ---- structure ---------------------------------------------------------------------------------

        /** Builds sections out of a list, using {@code markerOf} to find the tags that stand alone. */
        private List<Object> sections(List<Object> items, Function<Object, Token> markerOf,
                                      Function<Object, Location> locationOf, boolean inline) {
            record Frame(Token open, Location location, List<Object> then, List<Object> otherwise, boolean[] inElse) {
                List<Object> target() {
                    return inElse[0] ? otherwise : then;
                }
            }
            List<Frame> stack = new ArrayList<>();
            stack.add(new Frame(null, null, new ArrayList<>(), new ArrayList<>(), new boolean[] {false}));
            for (Object item : items) {
                Token t = markerOf.apply(item);
                Frame top = stack.get(stack.size() - 1);
                if (t == null) {
                    top.target().add(item);
                    continue;
                }
                Location at = locationOf.apply(item);
                if (t.opens()) {
                    stack.add(new Frame(t, at, new ArrayList<>(), new ArrayList<>(), new boolean[] {false}));
                } else if (t.kind() == Token.Kind.ELSE) {
                    if (top.open() == null || top.open().kind() != Token.Kind.IF || top.inElse()[0]) {
                        problem(null, "[#else] is not inside an [#if] section", at);
                    } else {
                        top.inElse()[0] = true;
                    }
                } else if (t.closes()) {
                    if (top.open() == null) {
                        problem(null, t.text() + " closes no section" + (inline ? " in this paragraph" : ""), at);
                        continue;
                    }
                    if (!top.open().closer().equals(t.text())) {
                        problem(top.open().name(), t.text() + " closes " + top.open().text() + " (opened at "
                                + top.location() + "), which needs " + top.open().closer(), at);
                    }
                    stack.remove(stack.size() - 1);
                    stack.get(stack.size() - 1).target().add(new Section(top.open(), top.location(), top.then(),
                            top.otherwise()));
                }
            }
            while (stack.size() > 1) {
                Frame top = stack.remove(stack.size() - 1);
                problem(top.open().name(), top.open().text() + " is never closed with " + top.open().closer()
                        + (inline ? " in the same paragraph; a section that spans paragraphs needs its opening and"
                        + " closing tags each alone in a paragraph of their own" : ""), top.location());
                stack.get(stack.size() - 1).target().add(new Section(top.open(), top.location(), top.then(),
                        top.otherwise()));
            }
            return stack.get(0).then();
        }

        private Token markerParagraph(Object block) {
            if (!(XmlUtils.unwrap(block) instanceof P p)) {
                return null;
            }
            return marker(p.getContent());
        }

        /** The one structural tag in these runs when nothing else but white space is there. */
        private static Token marker(List<Object> content) {
            return lone(content, Token::structural);
        }

        /** The one tag of this sort in these runs when nothing else but white space is there. */
        private static Token lone(List<Object> content, java.util.function.Predicate<Token> sort) {
            Token found = null;
            for (Object child : content) {
                Token t = tokenOf(child);
                if (t != null) {
                    if (!sort.test(t) || found != null) {
                        return null;
                    }
                    found = t;
                } else if (child instanceof R r) {
                    for (Object rc : r.getContent()) {
                        String text = wText(rc);
                        if (text != null && !text.isBlank()) {
                            return null;
                        }
                    }
                } else if (inlineContent(child) != null) {
                    return null; // a hyperlink or content control is content, never part of a tag's paragraph
                }
            }
            return found;
        }

        private Token markerRow(Object row) {
            if (!(XmlUtils.unwrap(row) instanceof Tr tr)) {
                return null;
            }
            Token found = null;
            for (Object cell : tr.getContent()) {
                if (XmlUtils.unwrap(cell) instanceof Tc tc) {
                    for (Object block : tc.getContent()) {
                        if (!(XmlUtils.unwrap(block) instanceof P p)) {
                            return null;
                        }
                        Token t = marker(p.getContent());
                        if (t == null) {
                            if (!paragraphText(p).isBlank()) {
                                return null;
                            }
                        } else if (found != null) {
                            return null;
                        } else {
                            found = t;
                        }
                    }
                }
            }
            return found;
        }

        // ---- rendering ---------------------------------------------------------------------------------

        private List<Object> renderBlocks(List<Object> blocks, Scope scope) {
            List<Object> nodes = sections(blocks, this::markerParagraph,
                    b -> locations.get(XmlUtils.unwrap(b)), false);
            List<Object> out = new ArrayList<>();
            renderNodes(nodes, scope, out, Level.BLOCK);
            return out;
        }

        private interface Renderer {
            void render(Object item, Scope scope, List<Object> out);
        }

        private enum Level { BLOCK, ROW, RUN }

        private void renderNodes(List<Object> nodes, Scope scope, List<Object> out, Level level) {
            Renderer renderer = switch (level) {
                case BLOCK -> this::renderBlock;
                case ROW -> this::renderRow;
                case RUN -> this::renderRun;
            };
            for (Object node : nodes) {
                if (!(node instanceof Section s)) {
                    renderer.render(node, scope, out);
                    continue;
                }
                String name = s.open().name();
                used.add(name);
                Object value = scope.lookup(name);
                if (mode == Mode.VALIDATE) {
                    boolean each = s.open().kind() == Token.Kind.EACH;
                    if (value == null && !values.isEmpty()) {
                        problem(name, "unknown name '" + name + "' in " + s.open().text(), s.location());
                    } else if (s.open().kind() == Token.Kind.EACH && value != null && !(value instanceof List)) {
                        problem(name, "'" + name + "' in " + s.open().text() + " is not a list", s.location());
                    }
                    Scope inner = scope;
                    if (s.open().kind() == Token.Kind.EACH && value instanceof List<?> list && !list.isEmpty()) {
                        inner = new Scope(item(list.get(0)), scope);
                    }
                    eachDepth += each ? 1 : 0;
                    renderNodes(s.then(), inner, new ArrayList<>(), level);
                    eachDepth -= each ? 1 : 0;
                    renderNodes(s.otherwise(), scope, new ArrayList<>(), level);
                } else if (s.open().kind() == Token.Kind.IF) {
                    boolean keep = present(value) != s.open().negated();
                    renderNodes(keep ? s.then() : s.otherwise(), scope, out, level);
                } else {
                    if (value == null) {
                        // An empty list is a fact ("no defendants"); no list at all is a value nobody gave.
                        missing.add(new MissingValue(name, s.location()));
                        if (onMissing == OnMissing.MARK && level != Level.ROW) {
                            R mark = markedRun(null, name);
                            if (level == Level.RUN) {
                                out.add(mark);
                            } else {
                                P p = WML.createP();
                                p.getContent().add(mark);
                                out.add(p);
                            }
                        }
                    }
                    eachDepth++;
                    for (Object element : items(value)) {
                        renderNodes(s.then(), new Scope(item(element), scope), out, level);
                    }
                    eachDepth--;
                }
            }
        }

        private void renderBlock(Object block, Scope scope, List<Object> out) {
            Object u = XmlUtils.unwrap(block);
            Token draft = u instanceof P p ? lone(p.getContent(), t -> t.kind() == Token.Kind.DRAFT) : null;
            if (draft != null) {
                renderDraft((P) u, draft, scope, out);
            } else if (u instanceof P p) {
                out.add(renderParagraph(p, scope));
            } else if (u instanceof SdtBlock sdt && sdt.getSdtContent() != null) {
                SdtBlock copy = WML.createSdtBlock();
                copy.setSdtPr(sdt.getSdtPr());
                copy.setSdtEndPr(sdt.getSdtEndPr());
                SdtContentBlock content = WML.createSdtContentBlock();
                content.getContent().addAll(renderBlocks(sdt.getSdtContent().getContent(), scope));
                if (content.getContent().isEmpty()) {
                    content.getContent().add(WML.createP()); // a block content control holds at least a paragraph
                }
                copy.setSdtContent(content);
                out.add(rewrap(block, copy));
            } else if (u instanceof Tbl tbl) {
                Tbl copy = WML.createTbl();
                copy.setTblPr(tbl.getTblPr());
                copy.setTblGrid(tbl.getTblGrid());
                List<Object> rows = sections(tbl.getContent(), this::markerRow, locations::get, false);
                renderNodes(rows, scope, copy.getContent(), Level.ROW);
                out.add(rewrap(block, copy));
            } else {
                out.add(block);
            }
        }

        private void renderRow(Object row, Scope scope, List<Object> out) {
            if (!(XmlUtils.unwrap(row) instanceof Tr tr)) {
                out.add(row);
                return;
            }
            Tr copy = WML.createTr();
            copy.setTrPr(tr.getTrPr());
            copy.setTblPrEx(tr.getTblPrEx());
            for (Object cell : tr.getContent()) {
                if (XmlUtils.unwrap(cell) instanceof Tc tc) {
                    Tc c = WML.createTc();
                    c.setTcPr(tc.getTcPr());
                    c.getContent().addAll(renderBlocks(tc.getContent(), scope));
                    if (c.getContent().stream().noneMatch(b -> XmlUtils.unwrap(b) instanceof P)) {
                        c.getContent().add(WML.createP()); // Word needs a paragraph in every cell
                    }
                    copy.getContent().add(rewrap(cell, c));
                } else {
                    copy.getContent().add(cell);
                }
            }
            out.add(rewrap(row, copy));
        }

        private P renderParagraph(P p, Scope scope) {
            Location previous = current;
            current = locations.getOrDefault(p, previous);
            try {
                P copy = WML.createP();
                copy.setPPr(p.getPPr());
                copy.setRsidR(p.getRsidR());
                copy.setRsidRDefault(p.getRsidRDefault());
                copy.getContent().addAll(renderRuns(p.getContent(), scope));
                return copy;
            } finally {
                current = previous;
            }
        }

        private List<Object> renderRuns(List<Object> runs, Scope scope) {
            List<Object> nodes = sections(runs, Session::tokenOfStructural, c -> current, true);
            List<Object> out = new ArrayList<>();
            renderNodes(nodes, scope, out, Level.RUN);
            return out;
        }

        /** A hyperlink or inline content control, its runs rendered; a hyperlink's address filled too. */
        private Object renderInline(Object child, Scope scope) {
            Object u = XmlUtils.unwrap(child);
            if (u instanceof P.Hyperlink link) {
                P.Hyperlink copy = WML.createPHyperlink();
                copy.setId(linkAddress(link.getId(), scope));
                copy.setAnchor(link.getAnchor());
                copy.setDocLocation(link.getDocLocation());
                copy.setTgtFrame(link.getTgtFrame());
                copy.setTooltip(link.getTooltip());
                copy.setHistory(link.isHistory());
                copy.getContent().addAll(renderRuns(link.getContent(), scope));
                return rewrap(child, copy);
            }
            SdtRun sdt = (SdtRun) u;
            SdtRun copy = WML.createSdtRun();
            copy.setSdtPr(sdt.getSdtPr());
            copy.setSdtEndPr(sdt.getSdtEndPr());
            CTSdtContentRun content = WML.createCTSdtContentRun();
            content.getContent().addAll(renderRuns(sdt.getSdtContent().getContent(), scope));
            copy.setSdtContent(content);
            return rewrap(child, copy);
        }

        /**
         * The relationship id of a hyperlink's address with its placeholders filled: the same id when the address
         * has none; otherwise (when filling) a new relationship, so that a link repeated by [#each] gets each item's
         * address.
         */
        private String linkAddress(String id, Scope scope) {
            if (id == null || currentPart == null || currentPart.getRelationshipsPart() == null) {
                return id;
            }
            Relationship rel = currentPart.getRelationshipsPart().getRelationshipByID(id);
            if (rel == null || rel.getTarget() == null) {
                return id;
            }
            String target = rel.getTarget().replaceAll("(?i)%5B", "[").replaceAll("(?i)%5D", "]");
            Matcher m = Token.PATTERN.matcher(target);
            StringBuilder filled = new StringBuilder();
            boolean any = false;
            int last = 0;
            while (m.find()) {
                any = true;
                filled.append(target, last, m.start());
                last = m.end();
                Token t = Token.of(m.group());
                String where = "the link address \"" + rel.getTarget() + "\"";
                if (t == null || t.kind() == Token.Kind.BAD) {
                    problem(null, (t == null ? "'" + m.group() + "' is not a placeholder" : t.problem()) + " in "
                            + where, current);
                    filled.append(m.group());
                } else if (t.kind() == Token.Kind.ESCAPE) {
                    filled.append('[');
                } else if (t.kind() != Token.Kind.FIELD) {
                    problem(null, t.text() + " cannot be used in " + where + "; only fields such as [CaseNumber]"
                            + " can", current);
                    filled.append(m.group());
                } else {
                    used.add(t.name());
                    Object value = scope.lookup(t.name());
                    if (present(value)) {
                        String text = format(value);
                        boolean whole = m.start() == 0 && m.end() == target.length();
                        filled.append(whole ? text : URLEncoder.encode(text, StandardCharsets.UTF_8)
                                .replace("+", "%20"));
                    } else {
                        if (mode == Mode.VALIDATE) {
                            if (!values.isEmpty()) {
                                problem(t.name(), "unknown placeholder " + t.text() + " in " + where, current);
                            }
                        } else {
                            missing.add(new MissingValue(t.name(), current));
                        }
                        filled.append(m.group());
                    }
                }
            }
            if (!any || mode == Mode.VALIDATE) {
                return id;
            }
            filled.append(target.substring(last));
            Relationship copy = RELS.createRelationship();
            copy.setType(rel.getType());
            copy.setTarget(filled.toString());
            copy.setTargetMode(rel.getTargetMode());
            copy.setId(currentPart.getRelationshipsPart().getNextId());
            currentPart.getRelationshipsPart().addRelationship(copy);
            replacedLinks.add(id);
            return copy.getId();
        }

        private static Token tokenOfStructural(Object child) {
            Token t = tokenOf(child);
            return t != null && t.structural() ? t : null;
        }

        private void renderRun(Object child, Scope scope, List<Object> out) {
            Token t = tokenOf(child);
            if (t == null) {
                out.add(inlineContent(child) != null ? renderInline(child, scope) : child);
                return;
            }
            R source = (R) child;
            switch (t.kind()) {
                case ESCAPE -> out.add(textRun(source.getRPr(), "["));
                case BAD -> {
                    problem(null, t.problem(), current);
                    out.add(child);
                }
                case DRAFT -> {
                    problem(null, t.text() + " must stand alone in a paragraph of its own: the drafted paragraphs"
                            + " replace that paragraph", current);
                    out.add(child);
                }
                case FIELD -> {
                    used.add(t.name());
                    Object value = scope.lookup(t.name());
                    if (present(value)) {
                        out.add(textRun(source.getRPr(), format(value)));
                    } else if (mode == Mode.VALIDATE) {
                        if (!values.isEmpty()) {
                            problem(t.name(), "unknown placeholder " + t.text(), current);
                        }
                        out.add(child);
                    } else {
                        missing.add(new MissingValue(t.name(), current));
                        out.add(onMissing == OnMissing.MARK ? markedRun(source.getRPr(), t.name()) : child);
                    }
                }
                default -> out.add(child); // a structural tag left over after a reported problem
            }
        }

        /**
         * A drafted section: checked and listed when validating; when filling, written by the writer (which is not
         * asked once a problem is known) under its label, or marked as needing writing. Never fails the fill.
         */
        private void renderDraft(P p, Token tag, Scope scope, List<Object> out) {
            Location at = locations.getOrDefault(p, current);
            DraftSection section = DraftSection.parse(tag.text()).section().at(at);
            R source = (R) p.getContent().stream().filter(c -> tag.equals(tokenOf(c))).findFirst().orElseThrow();
            if (eachDepth > 0) {
                problem(null, tag.text() + " cannot stand inside an [#each] section, where it would be drafted once"
                        + " per item; move it outside the section", at);
            }
            for (String name : section.sources()) {
                if (DraftSection.isField(name)) {
                    used.add(name);
                    if (mode == Mode.VALIDATE && !values.isEmpty() && scope.lookup(name) == null) {
                        problem(name, "unknown placeholder " + name + " among the sources of " + tag.text(), at);
                    }
                }
            }
            if (mode == Mode.VALIDATE) {
                drafts.add(section);
                out.add(p);
                return;
            }
            SectionText text = null;
            if (problems.isEmpty()) {
                try {
                    text = writer.write(section).filter(t -> t.paragraphs().stream().anyMatch(x -> !clean(x)
                            .isBlank())).orElse(null);
                } catch (RuntimeException e) {
                    text = null; // a writer that fails leaves the section to be written by hand
                }
            }
            outcomes.add(new DraftOutcome(section, text));
            if (text == null) {
                out.add(paragraph(p, markedRun(source.getRPr(), "[This section needs writing: "
                        + section.instruction() + "]", "yellow")));
                return;
            }
            out.add(paragraph(p, markedRun(source.getRPr(), clean(text.label()), "cyan")));
            for (String paragraph : text.paragraphs()) {
                String cleaned = clean(paragraph).strip();
                if (!cleaned.isEmpty()) {
                    out.add(paragraph(p, textRun(source.getRPr(), cleaned)));
                }
            }
        }

        /** A paragraph formatted as the template's paragraph {@code like}, holding one run. */
        private static P paragraph(P like, R run) {
            P p = WML.createP();
            p.setPPr(like.getPPr());
            p.getContent().add(run);
            return p;
        }

        /** Text from outside the template without the characters XML cannot hold (which would break the file). */
        private static String clean(String text) {
            return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "")
                    .replaceAll("\\p{Cs}", "");
        }

        private void problem(String placeholder, String message, Location at) {
            problems.add(new TemplateProblem(placeholder, message, at == null ? new Location("body", 0, "") : at));
        }

        // ---- values ------------------------------------------------------------------------------------

        private static boolean present(Object value) {
            if (value == null) {
                return false;
            }
            if (value instanceof String s) {
                return !s.isBlank();
            }
            if (value instanceof Collection<?> c) {
                return !c.isEmpty();
            }
            if (value instanceof Boolean b) {
                return b;
            }
            return true;
        }

        private static List<?> items(Object value) {
            if (value instanceof List<?> list) {
                return list;
            }
            return present(value) ? List.of(value) : List.of();
        }

        @SuppressWarnings("unchecked")
        private static Map<String, ?> item(Object element) {
            if (element instanceof Map<?, ?> map) {
                return (Map<String, ?>) map;
            }
            return Map.of("Name", element == null ? "" : element.toString());
        }

        private static String format(Object value) {
            if (value instanceof LocalDate date) {
                return LegalFormat.date(date);
            }
            if (value instanceof List<?> list) {
                return LegalFormat.list(list.stream().map(e -> e instanceof Map<?, ?> m && m.get("Name") != null
                        ? m.get("Name").toString() : String.valueOf(e)).toList());
            }
            if (value instanceof Boolean b) {
                return b ? "yes" : "no";
            }
            return value.toString();
        }

        private static R textRun(RPr rPr, String value) {
            R r = WML.createR();
            r.setRPr(rPr);
            String[] lines = value.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    Br br = WML.createBr();
                    r.getContent().add(br);
                }
                r.getContent().add(WML.createRT(text(lines[i])));
            }
            return r;
        }

        private static R markedRun(RPr rPr, String name) {
            return markedRun(rPr, MARK_PREFIX + name + MARK_SUFFIX, "yellow");
        }

        /** Bold on a highlight colour, so that nobody overlooks it. */
        private static R markedRun(RPr rPr, String text, String colour) {
            RPr marked = rPr == null ? WML.createRPr() : XmlUtils.deepCopy(rPr);
            Highlight highlight = WML.createHighlight();
            highlight.setVal(colour);
            marked.setHighlight(highlight);
            marked.setB(new BooleanDefaultTrue());
            return textRun(marked, text);
        }
    }

    // ---- small helpers ---------------------------------------------------------------------------------

    /** The token when this is a run holding exactly one tag (as normalisation leaves every tag), else null. */
    private static Token tokenOf(Object child) {
        if (child instanceof R r && r.getContent().size() == 1) {
            String t = wText(r.getContent().get(0));
            if (t != null && t.length() >= 2 && t.charAt(0) == '[') {
                return Token.of(t);
            }
        }
        return null;
    }

    /** The text of a w:t element, null for anything else (tabs, breaks, field instructions, deleted text). */
    static String wText(Object runContent) {
        if (runContent instanceof JAXBElement<?> e && e.getValue() instanceof Text t
                && "t".equals(e.getName().getLocalPart())) {
            return t.getValue() == null ? "" : t.getValue();
        }
        if (runContent instanceof Text t) {
            return t.getValue() == null ? "" : t.getValue();
        }
        return null;
    }

    static String paragraphText(P p) {
        StringBuilder sb = new StringBuilder();
        runText(p.getContent(), sb);
        return sb.toString();
    }

    private static void runText(List<Object> content, StringBuilder sb) {
        for (Object child : content) {
            if (child instanceof R r) {
                for (Object rc : r.getContent()) {
                    String t = wText(rc);
                    sb.append(t == null ? " " : t);
                }
            } else if (inlineContent(child) != null) {
                runText(inlineContent(child), sb);
            }
        }
    }

    /** The runs inside a hyperlink or an inline content control; null for anything else. */
    static List<Object> inlineContent(Object child) {
        Object u = XmlUtils.unwrap(child);
        if (u instanceof P.Hyperlink link) {
            return link.getContent();
        }
        if (u instanceof SdtRun sdt && sdt.getSdtContent() != null) {
            return sdt.getSdtContent().getContent();
        }
        return null;
    }

    private static String excerpt(P p) {
        String text = paragraphText(p).replaceAll("\\s+", " ").strip();
        return text.length() > 70 ? text.substring(0, 69) + "\u2026" : text;
    }

    private static R newRun(R source) {
        R r = WML.createR();
        r.setRPr(source.getRPr());
        return r;
    }

    private static Text text(String value) {
        Text t = WML.createText();
        t.setValue(value);
        t.setSpace("preserve");
        return t;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object rewrap(Object original, Object value) {
        if (original instanceof JAXBElement e) {
            return new JAXBElement(e.getName(), e.getDeclaredType(), e.getScope(), value);
        }
        return value;
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = message.indexOf('\n');
        message = nl < 0 ? message : message.substring(0, nl);
        return message.length() > 160 ? message.substring(0, 160) + "\u2026" : message;
    }
}
