package io.dictum.templates.docx;

import jakarta.xml.bind.JAXBElement;
import java.util.List;
import org.docx4j.XmlUtils;
import org.docx4j.com.microsoft.schemas.office.word.x2010.wordprocessingShape.CTWordprocessingShape;
import org.docx4j.dml.Graphic;
import org.docx4j.dml.wordprocessingDrawing.Anchor;
import org.docx4j.dml.wordprocessingDrawing.Inline;
import org.docx4j.mce.AlternateContent;
import org.docx4j.vml.CTShape;
import org.docx4j.vml.CTTextbox;
import org.docx4j.wml.CTPictureBase;
import org.docx4j.wml.CTTxbxContent;
import org.docx4j.wml.Drawing;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.SdtBlock;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Tr;

/**
 * Finds the text boxes of a part: DrawingML shapes ({@code wps:txbx}), VML shapes ({@code v:textbox}) and both
 * branches of {@code mc:AlternateContent}, which Word writes so that either kind of reader sees the box; text boxes
 * inside text boxes too. Their content is a list of paragraphs and tables like the body's.
 */
final class TextBoxes {

    private TextBoxes() {
    }

    static void collect(List<Object> blocks, List<CTTxbxContent> found) {
        for (Object block : blocks) {
            Object u = XmlUtils.unwrap(block);
            if (u instanceof P p) {
                inline(p.getContent(), found);
            } else if (u instanceof Tbl tbl) {
                for (Object row : tbl.getContent()) {
                    if (XmlUtils.unwrap(row) instanceof Tr tr) {
                        for (Object cell : tr.getContent()) {
                            if (XmlUtils.unwrap(cell) instanceof Tc tc) {
                                collect(tc.getContent(), found);
                            }
                        }
                    }
                }
            } else if (u instanceof SdtBlock sdt && sdt.getSdtContent() != null) {
                collect(sdt.getSdtContent().getContent(), found);
            }
        }
    }

    private static void inline(List<Object> content, List<CTTxbxContent> found) {
        for (Object child : content) {
            if (XmlUtils.unwrap(child) instanceof R r) {
                for (Object rc : r.getContent()) {
                    shape(XmlUtils.unwrap(rc), found);
                }
            } else {
                List<Object> inner = DocxTemplate.inlineContent(child);
                if (inner != null) {
                    inline(inner, found);
                }
            }
        }
    }

    private static void shape(Object o, List<CTTxbxContent> found) {
        if (o instanceof Drawing drawing) {
            for (Object placed : drawing.getAnchorOrInline()) {
                Object p = XmlUtils.unwrap(placed);
                Graphic graphic = p instanceof Anchor a ? a.getGraphic() : p instanceof Inline i ? i.getGraphic() : null;
                if (graphic != null && graphic.getGraphicData() != null) {
                    CTWordprocessingShape wps = graphic.getGraphicData().getWordprocessingShape();
                    if (wps != null && wps.getTxbx() != null) {
                        box(wps.getTxbx().getTxbxContent(), found);
                    }
                }
            }
        } else if (o instanceof CTPictureBase pict) {
            for (Object element : pict.getAnyAndAny()) {
                if (XmlUtils.unwrap(element) instanceof CTShape vml) {
                    for (JAXBElement<?> part : vml.getEGShapeElements()) {
                        if (part.getValue() instanceof CTTextbox textbox) {
                            box(textbox.getTxbxContent(), found);
                        }
                    }
                }
            }
        } else if (o instanceof AlternateContent alternatives) {
            alternatives.getChoice().forEach(choice -> choice.getAny().forEach(a -> shape(XmlUtils.unwrap(a),
                    found)));
            if (alternatives.getFallback() != null) {
                alternatives.getFallback().getAny().forEach(a -> shape(XmlUtils.unwrap(a), found));
            }
        }
    }

    private static void box(CTTxbxContent content, List<CTTxbxContent> found) {
        if (content != null) {
            found.add(content);
            collect(content.getContent(), found);
        }
    }
}
