package io.dictum.templates.docx;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import org.docx4j.jaxb.Context;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.wml.BooleanDefaultTrue;
import org.docx4j.wml.Br;
import org.docx4j.wml.HpsMeasure;
import org.docx4j.wml.Jc;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.R;
import org.docx4j.wml.RPr;
import org.docx4j.wml.STBrType;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.TblPr;
import org.docx4j.wml.TblWidth;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;
import org.docx4j.wml.U;
import org.docx4j.wml.UnderlineEnumeration;

/**
 * Writes small Word documents in code: the starter templates and test fixtures. Each text given to
 * {@link #paragraph(Span...)} becomes one run, so a placeholder can be split across runs on purpose.
 */
public final class DocxBuilder {

    private static final ObjectFactory WML = Context.getWmlObjectFactory();

    /** A run of text with its formatting. */
    public record Span(String text, boolean bold, boolean italic, boolean underline) {
        public static Span plain(String text) {
            return new Span(text, false, false, false);
        }

        public static Span bold(String text) {
            return new Span(text, true, false, false);
        }

        public static Span italic(String text) {
            return new Span(text, false, true, false);
        }

        public static Span underline(String text) {
            return new Span(text, false, false, true);
        }
    }

    private final WordprocessingMLPackage pkg;

    private DocxBuilder(WordprocessingMLPackage pkg) {
        this.pkg = pkg;
    }

    public static DocxBuilder create() {
        try {
            return new DocxBuilder(WordprocessingMLPackage.createPackage());
        } catch (Exception e) {
            throw new IllegalStateException("docx4j could not create a document: " + e.getMessage(), e);
        }
    }

    public DocxBuilder heading(String text) {
        P p = para(JcEnumeration.CENTER, new Span(text, true, false, false));
        ((R) p.getContent().get(0)).getRPr().setSz(size(28));
        return add(p);
    }

    public DocxBuilder center(String text) {
        return add(para(JcEnumeration.CENTER, Span.plain(text)));
    }

    public DocxBuilder right(String text) {
        return add(para(JcEnumeration.RIGHT, Span.plain(text)));
    }

    public DocxBuilder paragraph(String text) {
        return add(para(null, Span.plain(text)));
    }

    public DocxBuilder paragraph(Span... spans) {
        return add(para(null, spans));
    }

    /** An empty paragraph. */
    public DocxBuilder blank() {
        return add(WML.createP());
    }

    public DocxBuilder pageBreak() {
        P p = WML.createP();
        R r = WML.createR();
        Br br = WML.createBr();
        br.setType(STBrType.PAGE);
        r.getContent().add(br);
        p.getContent().add(r);
        return add(p);
    }

    /** A table, one paragraph of text per cell. */
    public DocxBuilder table(List<List<String>> rows) {
        Tbl tbl = WML.createTbl();
        TblPr tblPr = WML.createTblPr();
        TblWidth width = WML.createTblWidth();
        width.setType("pct");
        width.setW(BigInteger.valueOf(5000));
        tblPr.setTblW(width);
        tbl.setTblPr(tblPr);
        for (List<String> row : rows) {
            Tr tr = WML.createTr();
            for (String cell : row) {
                Tc tc = WML.createTc();
                tc.getContent().add(para(null, Span.plain(cell)));
                tr.getContent().add(WML.createTrTc(tc));
            }
            tbl.getContent().add(tr);
        }
        pkg.getMainDocumentPart().getContent().add(tbl);
        return this;
    }

    public byte[] build() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pkg.save(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("docx4j could not write the document: " + e.getMessage(), e);
        }
    }

    private DocxBuilder add(P p) {
        pkg.getMainDocumentPart().getContent().add(p);
        return this;
    }

    private static P para(JcEnumeration alignment, Span... spans) {
        P p = WML.createP();
        if (alignment != null) {
            PPr pPr = WML.createPPr();
            Jc jc = WML.createJc();
            jc.setVal(alignment);
            pPr.setJc(jc);
            p.setPPr(pPr);
        }
        for (Span span : spans) {
            R r = WML.createR();
            RPr rPr = WML.createRPr();
            if (span.bold()) {
                rPr.setB(new BooleanDefaultTrue());
            }
            if (span.italic()) {
                rPr.setI(new BooleanDefaultTrue());
            }
            if (span.underline()) {
                U u = WML.createU();
                u.setVal(UnderlineEnumeration.SINGLE);
                rPr.setU(u);
            }
            r.setRPr(rPr);
            Text t = WML.createText();
            t.setValue(span.text());
            t.setSpace("preserve");
            r.getContent().add(WML.createRT(t));
            p.getContent().add(r);
        }
        return p;
    }

    private static HpsMeasure size(int halfPoints) {
        HpsMeasure m = WML.createHpsMeasure();
        m.setVal(BigInteger.valueOf(halfPoints));
        return m;
    }
}
