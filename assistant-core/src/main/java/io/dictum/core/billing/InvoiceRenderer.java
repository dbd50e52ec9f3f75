package io.dictum.core.billing;

import reactor.core.publisher.Mono;

/**
 * Renders an invoice into a file format: LEDES 1998B, and .docx and PDF from the invoice template. Every bean that
 * implements this interface is offered by the invoice endpoint under its {@link #format()}. Rendering may block
 * (docx4j, PDFBox), so it answers a {@link Mono} that does its work off the event loop.
 */
public interface InvoiceRenderer {

    /** The {@code format} query value, e.g. {@code ledes}. */
    String format();

    String mediaType();

    String fileExtension();

    Mono<byte[]> render(Invoice invoice);
}
