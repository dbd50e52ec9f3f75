package io.dictum.core.billing;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code format=docx}: the invoice as a Word document from the firm's invoice template. */
@Component
class DocxInvoiceRenderer implements InvoiceRenderer {

    private final InvoiceDocument document;

    DocxInvoiceRenderer(InvoiceDocument document) {
        this.document = document;
    }

    @Override
    public String format() {
        return "docx";
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }

    @Override
    public String fileExtension() {
        return "docx";
    }

    @Override
    public Mono<byte[]> render(Invoice invoice) {
        return document.docx(invoice);
    }
}
