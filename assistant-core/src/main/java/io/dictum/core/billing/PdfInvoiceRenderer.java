package io.dictum.core.billing;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code format=pdf}: the Word invoice rendered as PDF. */
@Component
class PdfInvoiceRenderer implements InvoiceRenderer {

    private final InvoiceDocument document;

    PdfInvoiceRenderer(InvoiceDocument document) {
        this.document = document;
    }

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public String mediaType() {
        return "application/pdf";
    }

    @Override
    public String fileExtension() {
        return "pdf";
    }

    @Override
    public Mono<byte[]> render(Invoice invoice) {
        return document.pdf(invoice);
    }
}
