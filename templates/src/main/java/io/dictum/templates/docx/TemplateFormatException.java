package io.dictum.templates.docx;

/** The bytes are not a Word document (.docx) that can be read. */
public class TemplateFormatException extends Exception {

    public TemplateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
