package io.dictum.core.billing;

/**
 * Renders an invoice into a file format. LEDES 1998B is built in; the .docx and PDF renderers of the document
 * templates join by being beans that implement this interface with format {@code docx} and {@code pdf}: the
 * invoice endpoint offers every renderer it finds.
 */
public interface InvoiceRenderer {

    /** The {@code format} query value, e.g. {@code ledes}. */
    String format();

    String mediaType();

    String fileExtension();

    byte[] render(Invoice invoice);
}
