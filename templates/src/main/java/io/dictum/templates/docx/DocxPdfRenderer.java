package io.dictum.templates.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.docx4j.XmlUtils;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.wml.Br;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.R;
import org.docx4j.wml.RPr;
import org.docx4j.wml.STBrType;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Tr;

/**
 * Renders a .docx to PDF with PDFBox, in process and without fonts from the system: the body's paragraphs and
 * tables, in the standard Times faces, with bold, italic, underline, highlight, font size, alignment, left
 * indentation, paragraph spacing, line and page breaks, and the page size and margins of the document. Headers,
 * footers, images, numbering and styles other than headings are not drawn: the PDF is a faithful reading copy of the
 * text, not a typeset replica of Word's layout. Thread-safe; blocking.
 */
public final class DocxPdfRenderer {

    private static final float TWIP = 1f / 20f;
    private static final float DEFAULT_SIZE = 12f;

    /** Renders the document; fails when it is not a readable .docx. */
    public byte[] render(byte[] docx) throws TemplateFormatException {
        WordprocessingMLPackage pkg = DocxTemplate.load(docx);
        try (PDDocument pdf = new PDDocument()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setProducer("Dictum");
            pdf.setDocumentInformation(info);
            Writer writer = new Writer(pdf, pkg.getMainDocumentPart().getJaxbElement().getBody().getSectPr());
            try {
                writer.blocks(pkg.getMainDocumentPart().getContent());
            } finally {
                writer.close();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("the PDF could not be written: " + e.getMessage(), e);
        }
    }

    private record Style(PDType1Font font, float size, boolean underline, boolean highlight) {
    }

    private record Piece(String text, Style style, float width) {
        boolean space() {
            return text.isBlank();
        }
    }

    private static final class Line {
        final List<Piece> pieces = new ArrayList<>();
        float width;
        float height;
        boolean pageBreakAfter;

        void trimTrailingSpace() {
            while (!pieces.isEmpty() && pieces.get(pieces.size() - 1).space()) {
                width -= pieces.remove(pieces.size() - 1).width();
            }
        }
    }

    private static final class Fonts {
        static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
        static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
        static final PDType1Font ITALIC = new PDType1Font(Standard14Fonts.FontName.TIMES_ITALIC);
        static final PDType1Font BOLD_ITALIC = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD_ITALIC);

        static PDType1Font of(boolean bold, boolean italic) {
            return bold ? (italic ? BOLD_ITALIC : BOLD) : (italic ? ITALIC : REGULAR);
        }
    }

    private static final class Writer {
        private final PDDocument pdf;
        private final PDRectangle size;
        private final float left;
        private final float right;
        private final float top;
        private final float bottom;
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument pdf, SectPr sect) throws IOException {
            this.pdf = pdf;
            float w = 612;
            float h = 792;
            float ml = 72;
            float mr = 72;
            float mt = 72;
            float mb = 72;
            if (sect != null && sect.getPgSz() != null && sect.getPgSz().getW() != null) {
                w = sect.getPgSz().getW().floatValue() * TWIP;
                h = sect.getPgSz().getH().floatValue() * TWIP;
            }
            if (sect != null && sect.getPgMar() != null) {
                ml = twips(sect.getPgMar().getLeft(), ml);
                mr = twips(sect.getPgMar().getRight(), mr);
                mt = twips(sect.getPgMar().getTop(), mt);
                mb = twips(sect.getPgMar().getBottom(), mb);
            }
            this.size = new PDRectangle(w, h);
            this.left = ml;
            this.right = w - mr;
            this.top = h - mt;
            this.bottom = mb;
            newPage();
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(size);
            pdf.addPage(page);
            cs = new PDPageContentStream(pdf, page);
            y = top;
        }

        void blocks(List<Object> content) throws IOException {
            for (Object o : content) {
                Object u = XmlUtils.unwrap(o);
                if (u instanceof P p) {
                    paragraph(p);
                } else if (u instanceof Tbl tbl) {
                    table(tbl);
                }
            }
        }

        private void paragraph(P p) throws IOException {
            float indent = indent(p.getPPr());
            List<Line> lines = layout(p, right - left - indent);
            JcEnumeration jc = alignment(p.getPPr());
            for (Line line : lines) {
                if (y - line.height < bottom && y < top) {
                    newPage();
                }
                draw(line, left + indent, right - left - indent, jc, y);
                y -= line.height;
                if (line.pageBreakAfter) {
                    newPage();
                }
            }
            y -= spacingAfter(p.getPPr());
        }

        private void table(Tbl tbl) throws IOException {
            List<Tr> rows = new ArrayList<>();
            int columns = 1;
            for (Object r : tbl.getContent()) {
                if (XmlUtils.unwrap(r) instanceof Tr tr) {
                    rows.add(tr);
                    columns = Math.max(columns, (int) tr.getContent().stream()
                            .filter(c -> XmlUtils.unwrap(c) instanceof Tc).count());
                }
            }
            float pad = 4;
            float columnWidth = (right - left) / columns;
            for (Tr tr : rows) {
                List<List<Line>> cells = new ArrayList<>();
                List<List<JcEnumeration>> aligns = new ArrayList<>();
                float height = 0;
                for (Object c : tr.getContent()) {
                    if (XmlUtils.unwrap(c) instanceof Tc tc) {
                        List<Line> lines = new ArrayList<>();
                        List<JcEnumeration> align = new ArrayList<>();
                        for (Object b : tc.getContent()) {
                            if (XmlUtils.unwrap(b) instanceof P p) {
                                for (Line line : layout(p, columnWidth - 2 * pad)) {
                                    line.pageBreakAfter = false;
                                    lines.add(line);
                                    align.add(alignment(p.getPPr()));
                                }
                            }
                        }
                        cells.add(lines);
                        aligns.add(align);
                        height = Math.max(height, (float) lines.stream().mapToDouble(l -> l.height).sum());
                    }
                }
                height += 2 * pad;
                if (y - height < bottom && y < top) {
                    newPage();
                }
                for (int i = 0; i < cells.size(); i++) {
                    float x = left + i * columnWidth;
                    cs.setLineWidth(0.5f);
                    cs.addRect(x, y - height, columnWidth, height);
                    cs.stroke();
                    float ly = y - pad;
                    for (int k = 0; k < cells.get(i).size(); k++) {
                        Line line = cells.get(i).get(k);
                        draw(line, x + pad, columnWidth - 2 * pad, aligns.get(i).get(k), ly);
                        ly -= line.height;
                    }
                }
                y -= height;
            }
            y -= 6;
        }

        private void draw(Line line, float x0, float width, JcEnumeration jc, float baselineTop) throws IOException {
            line.trimTrailingSpace();
            float x = x0;
            if (jc == JcEnumeration.CENTER) {
                x += Math.max(0, (width - line.width) / 2);
            } else if (jc == JcEnumeration.RIGHT || jc == JcEnumeration.END) {
                x += Math.max(0, width - line.width);
            }
            float baseline = baselineTop - line.height * 0.8f;
            for (Piece piece : line.pieces) {
                Style s = piece.style();
                if (s.highlight()) {
                    cs.setNonStrokingColor(1f, 1f, 0f);
                    cs.addRect(x, baseline - s.size() * 0.22f, piece.width(), s.size() * 1.1f);
                    cs.fill();
                    cs.setNonStrokingColor(0f, 0f, 0f);
                }
                if (!piece.space()) {
                    cs.beginText();
                    cs.setFont(s.font(), s.size());
                    cs.newLineAtOffset(x, baseline);
                    cs.showText(piece.text());
                    cs.endText();
                }
                if (s.underline()) {
                    cs.setLineWidth(0.5f);
                    cs.moveTo(x, baseline - 1.5f);
                    cs.lineTo(x + piece.width(), baseline - 1.5f);
                    cs.stroke();
                }
                x += piece.width();
            }
        }
    }

    /** Breaks a paragraph into lines no wider than {@code width}. */
    private static List<Line> layout(P p, float width) throws IOException {
        boolean heading = isHeading(p.getPPr());
        List<Line> lines = new ArrayList<>();
        Line line = new Line();
        line.height = DEFAULT_SIZE * 1.2f;
        lines.add(line);
        for (R r : runs(p)) {
            Style style = style(r.getRPr(), heading);
            for (Object c : r.getContent()) {
                Object u = XmlUtils.unwrap(c);
                String text = DocxTemplate.wText(c);
                if (text == null) {
                    if (u instanceof Br br) {
                        if (br.getType() == STBrType.PAGE) {
                            line.pageBreakAfter = true;
                        }
                        line = new Line();
                        line.height = style.size() * 1.2f;
                        lines.add(line);
                        continue;
                    }
                    if (u instanceof R.Tab) {
                        text = "    ";
                    } else {
                        continue;
                    }
                }
                for (String word : words(text)) {
                    String safe = encodable(style.font(), word);
                    float w = style.font().getStringWidth(safe) / 1000f * style.size();
                    boolean space = safe.isBlank();
                    if (!space && line.width + w > width && !line.pieces.isEmpty()) {
                        line.trimTrailingSpace();
                        line = new Line();
                        lines.add(line);
                    }
                    if (space && line.pieces.isEmpty() && lines.size() > 1) {
                        continue;
                    }
                    line.pieces.add(new Piece(safe, style, w));
                    line.width += w;
                    line.height = Math.max(line.height, style.size() * 1.2f);
                }
            }
        }
        return lines;
    }

    private static List<R> runs(P p) {
        List<R> runs = new ArrayList<>();
        for (Object child : p.getContent()) {
            Object u = XmlUtils.unwrap(child);
            if (u instanceof R r) {
                runs.add(r);
            } else if (u instanceof P.Hyperlink link) {
                for (Object c : link.getContent()) {
                    if (XmlUtils.unwrap(c) instanceof R r) {
                        runs.add(r);
                    }
                }
            }
        }
        return runs;
    }

    /** Words and the spaces between them, as separate pieces. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || Character.isWhitespace(text.charAt(i)) != Character.isWhitespace(
                    text.charAt(start))) {
                words.add(text.substring(start, i));
                start = i;
            }
        }
        return words;
    }

    /** The text with every character the font cannot encode replaced (Standard 14 fonts know WinAnsi only). */
    private static String encodable(PDType1Font font, String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean ok;
            if (ch < 128 && ch >= 32) {
                ok = true;
            } else {
                try {
                    font.encode(String.valueOf(ch));
                    ok = true;
                } catch (IllegalArgumentException | IOException e) {
                    ok = false;
                }
            }
            if (!ok && sb == null) {
                sb = new StringBuilder(text.substring(0, i));
            }
            if (sb != null) {
                sb.append(ok ? ch : (Character.isWhitespace(ch) ? ' ' : '?'));
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static Style style(RPr rPr, boolean heading) {
        boolean bold = heading || (rPr != null && on(rPr.getB()));
        boolean italic = rPr != null && on(rPr.getI());
        float size = heading ? 14f : DEFAULT_SIZE;
        if (rPr != null && rPr.getSz() != null && rPr.getSz().getVal() != null) {
            size = rPr.getSz().getVal().floatValue() / 2f;
        }
        boolean underline = rPr != null && rPr.getU() != null && rPr.getU().getVal() != null
                && !"none".equals(rPr.getU().getVal().value());
        boolean highlight = rPr != null && rPr.getHighlight() != null && rPr.getHighlight().getVal() != null
                && !"none".equals(rPr.getHighlight().getVal());
        return new Style(Fonts.of(bold, italic), size, underline, highlight);
    }

    private static boolean on(org.docx4j.wml.BooleanDefaultTrue b) {
        return b != null && b.isVal();
    }

    private static boolean isHeading(PPr pPr) {
        if (pPr == null || pPr.getPStyle() == null || pPr.getPStyle().getVal() == null) {
            return false;
        }
        String style = pPr.getPStyle().getVal().toLowerCase(java.util.Locale.ROOT);
        return style.startsWith("heading") || style.equals("title");
    }

    private static JcEnumeration alignment(PPr pPr) {
        return pPr == null || pPr.getJc() == null ? JcEnumeration.LEFT : pPr.getJc().getVal();
    }

    private static float indent(PPr pPr) {
        if (pPr == null || pPr.getInd() == null || pPr.getInd().getLeft() == null) {
            return 0;
        }
        return Math.max(0, pPr.getInd().getLeft().floatValue() * TWIP);
    }

    private static float spacingAfter(PPr pPr) {
        if (pPr != null && pPr.getSpacing() != null && pPr.getSpacing().getAfter() != null) {
            return pPr.getSpacing().getAfter().floatValue() * TWIP;
        }
        return 6;
    }

    private static float twips(BigInteger value, float fallback) {
        return value == null ? fallback : value.floatValue() * TWIP;
    }
}
