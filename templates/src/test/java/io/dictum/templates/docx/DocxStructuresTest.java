package io.dictum.templates.docx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docx4j.TraversalUtil;
import org.docx4j.XmlUtils;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.Part;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart;
import org.docx4j.openpackaging.parts.relationships.Namespaces;
import org.docx4j.openpackaging.parts.relationships.RelationshipsPart;
import org.docx4j.relationships.Relationship;
import org.docx4j.wml.Body;
import org.docx4j.wml.CTTxbxContent;
import org.docx4j.wml.ContentAccessor;
import org.docx4j.wml.FooterReference;
import org.docx4j.wml.HdrFtrRef;
import org.docx4j.wml.HeaderReference;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Text;
import org.junit.jupiter.api.Test;

/**
 * Placeholders where Word puts text besides plain paragraphs: hyperlinks (their text and their address), content
 * controls (block and inline), headers and footers, and text boxes (DrawingML and VML). Every fixture splits its
 * placeholders across runs, as Word does after a spelling check or a formatting change, and the documents are
 * written here with docx4j in the XML Word itself writes.
 */
class DocxStructuresTest {

    private static final ObjectFactory WML = new ObjectFactory();
    private static final String NS = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
            + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
            + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
            + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
            + " xmlns:v=\"urn:schemas-microsoft-com:vml\"";
    private static final Vocabulary VOCABULARY = new Vocabulary(Set.of("ClientName", "CaseNumber", "PortalUrl",
            "Court"), Map.of("Defendants", Set.of("Name")));

    private static Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("ClientName", "Sarah Miller");
        v.put("CaseNumber", "2025-PI-0012");
        v.put("PortalUrl", "https://portal.example/c?id=7&x=y z");
        v.put("Court", "District Court");
        v.put("Defendants", List.of(Map.of("Name", "Acme Trucking Inc."), Map.of("Name", "Dale Porter")));
        return v;
    }

    /** A run, bold when asked, so that a filled value can be checked for the placeholder's formatting. */
    private static String run(String text, boolean bold) {
        return "<w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">" + text
                + "</w:t></w:r>";
    }

    /** Block-level XML as Word writes it, read as docx4j objects (inside a body, so w:sdt is block-level). */
    private static Object xml(String blocks) throws Exception {
        Body body = (Body) XmlUtils.unwrap(XmlUtils.unmarshalString("<w:body " + NS + ">" + blocks + "</w:body>"));
        return body.getContent().get(0);
    }

    private static String link(Part part, String address) throws Exception {
        RelationshipsPart rels = part.getRelationshipsPart();
        if (rels == null) {
            rels = RelationshipsPart.createRelationshipsPartForPart(part);
        }
        Relationship rel = new org.docx4j.relationships.ObjectFactory().createRelationship();
        rel.setType(Namespaces.HYPERLINK);
        rel.setTarget(address);
        rel.setTargetMode("External");
        rel.setId(rels.getNextId());
        rels.addRelationship(rel);
        return rel.getId();
    }

    private static byte[] save(WordprocessingMLPackage pkg) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pkg.save(out);
        return out.toByteArray();
    }

    /** The fixture: every structure once, each with a placeholder split across runs. */
    private static byte[] template() throws Exception {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage();
        var main = pkg.getMainDocumentPart();
        List<Object> body = main.getContent();
        String portal = link(main, "https://portal.example/cases/%5BCase" + "Number%5D?client=[ClientName]");
        String whole = link(main, "[PortalUrl]");
        body.add(xml("<w:p>" + run("Portal: ", false) + "<w:hyperlink r:id=\"" + portal + "\">"
                + run("[Client", true) + run("Name] online", false) + "</w:hyperlink></w:p>"));
        body.add(xml("<w:p><w:hyperlink r:id=\"" + whole + "\">" + run("your ", false) + run("[Case", true)
                + run("Number]", false) + "</w:hyperlink></w:p>"));
        // a link repeated per defendant, each with its own address
        String search = link(main, "https://search.example/?q=[Name]");
        body.add(xml("<w:p>" + run("[#each Defendants]", false) + "</w:p>"));
        body.add(xml("<w:p><w:hyperlink r:id=\"" + search + "\">" + run("[Na", false) + run("me]", false)
                + "</w:hyperlink></w:p>"));
        body.add(xml("<w:p>" + run("[/each]", false) + "</w:p>"));
        // a block content control holding a multi-paragraph section, and an inline one
        body.add(xml("<w:sdt><w:sdtPr><w:alias w:val=\"Parties\"/></w:sdtPr><w:sdtContent>"
                + "<w:p>" + run("[#if Court]", false) + "</w:p>"
                + "<w:p>" + run("Court: [Co", false) + run("urt]", false) + "</w:p>"
                + "<w:p>" + run("[/if]", false) + "</w:p>"
                + "<w:p>" + run("Client in control: [Client", true) + run("Name]", false) + "</w:p>"
                + "</w:sdtContent></w:sdt>"));
        body.add(xml("<w:p>" + run("Case: ", false) + "<w:sdt><w:sdtPr><w:alias w:val=\"Case\"/></w:sdtPr>"
                + "<w:sdtContent>" + run("[Case", true) + run("Number]", false) + "</w:sdtContent></w:sdt></w:p>"));
        // text boxes: DrawingML (Word 2010+) and VML (older Word, and the fallback Word still writes)
        body.add(xml("<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"1828800\" cy=\"457200\"/>"
                + "<wp:docPr id=\"1\" name=\"Text Box 1\"/><a:graphic><a:graphicData"
                + " uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp>"
                + "<wps:cNvSpPr txBox=\"1\"/><wps:spPr/><wps:txbx><w:txbxContent><w:p>"
                + run("Box: [Client", true) + run("Name]", false)
                + "</w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
                + "</wp:inline></w:drawing></w:r></w:p>"));
        body.add(xml("<w:p><w:r><w:pict><v:shape id=\"TextBox2\" style=\"width:144pt;height:36pt\"><v:textbox>"
                + "<w:txbxContent><w:p>" + run("Old box: ", false) + run("[Case", true) + run("Number]", false)
                + "</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"));
        // a header with a split placeholder, a footer with a link
        HeaderPart header = new HeaderPart();
        header.setJaxbElement(WML.createHdr());
        header.getContent().add(xml("<w:p>" + run("Re: [Client", false) + run("Name], No. [CaseNumber]", false)
                + "</w:p>"));
        Relationship headerRel = main.addTargetPart(header);
        FooterPart footer = new FooterPart();
        footer.setJaxbElement(WML.createFtr());
        Relationship footerRel = main.addTargetPart(footer);
        String footerLink = link(footer, "https://portal.example/[Case" + "Number]");
        footer.getContent().add(xml("<w:p><w:hyperlink r:id=\"" + footerLink + "\">" + run("Case [CaseNum", false)
                + run("ber]", false) + "</w:hyperlink></w:p>"));
        SectPr sectPr = pkg.getDocumentModel().getSections().get(0).getSectPr();
        HeaderReference hr = WML.createHeaderReference();
        hr.setId(headerRel.getId());
        hr.setType(HdrFtrRef.DEFAULT);
        sectPr.getEGHdrFtrReferences().add(hr);
        FooterReference fr = WML.createFooterReference();
        fr.setId(footerRel.getId());
        fr.setType(HdrFtrRef.DEFAULT);
        sectPr.getEGHdrFtrReferences().add(fr);
        return save(pkg);
    }

    /** The text of a list of blocks, paragraph by paragraph. */
    private static List<String> paragraphs(Object root) {
        List<String> out = new ArrayList<>();
        new TraversalUtil(root, new TraversalUtil.CallbackImpl() {
            @Override
            public List<Object> apply(Object o) {
                if (o instanceof P p) {
                    StringBuilder sb = new StringBuilder();
                    new TraversalUtil(p, new TraversalUtil.CallbackImpl() {
                        @Override
                        public List<Object> apply(Object child) {
                            if (child instanceof Text t) {
                                sb.append(t.getValue());
                            }
                            return null;
                        }
                    });
                    out.add(sb.toString());
                }
                return null;
            }
        });
        return out;
    }

    /** The runs holding {@code text} (a whole w:t) anywhere in these blocks. */
    private static List<R> runsWith(Object root, String text) {
        List<R> found = new ArrayList<>();
        new TraversalUtil(root, new TraversalUtil.CallbackImpl() {
            @Override
            public List<Object> apply(Object o) {
                if (o instanceof R r) {
                    for (Object c : r.getContent()) {
                        if (XmlUtils.unwrap(c) instanceof Text t && text.equals(t.getValue())) {
                            found.add(r);
                        }
                    }
                }
                return null;
            }
        });
        assertThat(found).as("a run with '" + text + "'").isNotEmpty();
        return found;
    }

    private static boolean bold(R r) {
        return r.getRPr() != null && r.getRPr().getB() != null && r.getRPr().getB().isVal();
    }

    private static List<String> linkAddresses(Part part) {
        List<String> out = new ArrayList<>();
        if (part.getRelationshipsPart() != null) {
            for (Relationship rel : part.getRelationshipsPart().getRelationships().getRelationship()) {
                if (Namespaces.HYPERLINK.equals(rel.getType())) {
                    out.add(rel.getTarget());
                }
            }
        }
        return out;
    }

    @Test
    void everyStructureIsFilledAndKeepsItsFormatting() throws Exception {
        DocxTemplate t = DocxTemplate.read(template());
        assertThat(t.validate(VOCABULARY)).isEmpty();
        assertThat(t.placeholders()).containsExactlyInAnyOrder("ClientName", "CaseNumber", "PortalUrl", "Court",
                "Defendants", "Name");

        Filled filled = t.fill(values(), OnMissing.FAIL);
        assertThat(filled.missing()).isEmpty();
        WordprocessingMLPackage out = WordprocessingMLPackage.load(new ByteArrayInputStream(filled.docx()));
        var main = out.getMainDocumentPart();
        List<String> body = paragraphs(main.getContents());
        assertThat(body).contains("Portal: Sarah Miller online", "your 2025-PI-0012", "Acme Trucking Inc.",
                "Dale Porter", "Court: District Court", "Client in control: Sarah Miller", "Case: 2025-PI-0012");
        assertThat(String.join("\n", body)).doesNotContain("[", "]");

        // the link addresses: encoded inside an address, as given when the placeholder is the whole address
        assertThat(linkAddresses(main)).contains(
                "https://portal.example/cases/2025-PI-0012?client=Sarah%20Miller",
                "https://portal.example/c?id=7&x=y z",
                "https://search.example/?q=Acme%20Trucking%20Inc.",
                "https://search.example/?q=Dale%20Porter")
                .noneMatch(a -> a.contains("[") || a.contains("%5B"));
        // each repeated link points at its own item's address
        List<String> linkIds = new ArrayList<>();
        new TraversalUtil(main.getContents(), new TraversalUtil.CallbackImpl() {
            @Override
            public List<Object> apply(Object o) {
                if (o instanceof P.Hyperlink h) {
                    linkIds.add(main.getRelationshipsPart().getRelationshipByID(h.getId()).getTarget());
                }
                return null;
            }

            @Override
            public List<Object> getChildren(Object o) {
                Object u = XmlUtils.unwrap(o);
                return u instanceof ContentAccessor c ? c.getContent() : super.getChildren(o);
            }
        });
        assertThat(linkIds).containsSubsequence("https://search.example/?q=Acme%20Trucking%20Inc.",
                "https://search.example/?q=Dale%20Porter");

        // the value takes the formatting of the run where its placeholder started
        assertThat(runsWith(main.getContents(), "Sarah Miller")).allMatch(DocxStructuresTest::bold);
        assertThat(runsWith(main.getContents(), "2025-PI-0012")).allMatch(DocxStructuresTest::bold);
        List<CTTxbxContent> boxes = new ArrayList<>();
        TextBoxes.collect(main.getContent(), boxes);
        assertThat(boxes).hasSize(2);
        assertThat(paragraphs(boxes.get(0))).containsExactly("Box: Sarah Miller");
        assertThat(runsWith(boxes.get(0), "Box: ")).allMatch(DocxStructuresTest::bold);
        assertThat(runsWith(boxes.get(1), "2025-PI-0012")).allMatch(DocxStructuresTest::bold);
        assertThat(paragraphs(boxes.get(1))).containsExactly("Old box: 2025-PI-0012");

        // header and footer, the footer's link address too
        for (Part part : out.getParts().getParts().values()) {
            if (part instanceof HeaderPart h) {
                assertThat(paragraphs(h.getContents())).containsExactly("Re: Sarah Miller, No. 2025-PI-0012");
            } else if (part instanceof FooterPart f) {
                assertThat(paragraphs(f.getContents())).containsExactly("Case 2025-PI-0012");
                assertThat(linkAddresses(f)).containsExactly("https://portal.example/2025-PI-0012");
            }
        }
    }

    @Test
    void aSectionThatIsFalseEmptiesTheContentControlButKeepsIt() throws Exception {
        Map<String, Object> values = values();
        values.remove("Court");
        Filled filled = DocxTemplate.read(template()).fill(values, OnMissing.FAIL);
        WordprocessingMLPackage out = WordprocessingMLPackage.load(new ByteArrayInputStream(filled.docx()));
        List<String> body = paragraphs(out.getMainDocumentPart().getContents());
        assertThat(body).contains("Client in control: Sarah Miller").noneMatch(p -> p.startsWith("Court"));
    }

    @Test
    void problemsInLinksAndTextBoxesAreReportedWithTheirPlace() throws Exception {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage();
        var main = pkg.getMainDocumentPart();
        String bad = link(main, "https://portal.example/[Unknown" + "Name]/[#if Court]");
        main.getContent().add(xml("<w:p><w:hyperlink r:id=\"" + bad + "\">" + run("[Client", false)
                + run("Nme]", false) + "</w:hyperlink></w:p>"));
        main.getContent().add(xml("<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"1\" cy=\"1\"/>"
                + "<wp:docPr id=\"1\" name=\"Text Box 1\"/><a:graphic><a:graphicData"
                + " uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp>"
                + "<wps:txbx><w:txbxContent><w:p>" + run("[Case", false) + run("Numbr]", false)
                + "</w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
                + "</wp:inline></w:drawing></w:r></w:p>"));
        List<TemplateProblem> problems = DocxTemplate.read(save(pkg)).validate(VOCABULARY);
        assertThat(problems).extracting(TemplateProblem::message).anySatisfy(m -> assertThat(m)
                .contains("[UnknownName]", "link address")).anySatisfy(m -> assertThat(m)
                .contains("[#if Court]", "link address")).anySatisfy(m -> assertThat(m).contains("[ClientNme]"))
                .anySatisfy(m -> assertThat(m).contains("[CaseNumbr]"));
        assertThat(problems).filteredOn(p -> "CaseNumbr".equals(p.placeholder()))
                .extracting(p -> p.location().part()).containsExactly("text box");

        // a value missing from an address is reported; the address is left as it was
        Map<String, Object> values = values();
        values.remove("CaseNumber");
        Filled marked = DocxTemplate.read(template()).fill(values, OnMissing.MARK);
        assertThat(marked.missing()).extracting(MissingValue::name).contains("CaseNumber");
        WordprocessingMLPackage out = WordprocessingMLPackage.load(new ByteArrayInputStream(marked.docx()));
        assertThat(linkAddresses(out.getMainDocumentPart())).contains(
                "https://portal.example/cases/[CaseNumber]?client=Sarah%20Miller");
        assertThat(paragraphs(out.getMainDocumentPart().getContents())).contains("Case: \u00abMISSING: CaseNumber\u00bb");
    }
}
