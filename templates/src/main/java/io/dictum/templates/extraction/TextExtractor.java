package io.dictum.templates.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.Tika;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Plain text of PDF, DOCX, DOC, RTF, TXT, HTML, EML, MSG and whatever else Tika knows, for the search index.
 * Blocking and CPU-heavy: callers run it on a bounded scheduler. Text beyond {@code maxChars} is cut, not failed.
 */
public final class TextExtractor {

    private final int maxChars;
    private final Tika detector = new Tika();
    private final AutoDetectParser parser = new AutoDetectParser();

    public TextExtractor(int maxChars) {
        this.maxChars = maxChars;
    }

    public String detectMediaType(Path file, String filename) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        try (InputStream in = Files.newInputStream(file)) {
            return detector.detect(in, metadata);
        }
    }

    public ExtractedText extract(Path file, String filename) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        BodyContentHandler handler = new BodyContentHandler(maxChars);
        String mediaType = "application/octet-stream";
        try (InputStream in = Files.newInputStream(file)) {
            mediaType = detectMediaType(file, filename);
            parser.parse(in, handler, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            return ExtractedText.unsearchable(mediaType, "the file is encrypted or password-protected; its text"
                    + " cannot be read. Upload an unprotected copy to make it searchable.");
        } catch (WriteLimitReachedException e) {
            // Long documents: the first maxChars characters are indexed.
        } catch (TikaException | org.xml.sax.SAXException | IOException | RuntimeException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                return ExtractedText.of(mediaType, handler.toString());
            }
            return ExtractedText.unsearchable(mediaType, "the file could not be read as " + mediaType
                    + " (" + firstLine(e) + "). It may be damaged; upload a good copy to make it searchable.");
        }
        String text = handler.toString().strip();
        if (text.isEmpty()) {
            return ExtractedText.unsearchable(mediaType, "no text was found in it (a scan without OCR, an image or"
                    + " an empty file).");
        }
        return ExtractedText.of(mediaType, text);
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = message.indexOf('\n');
        message = nl < 0 ? message : message.substring(0, nl);
        return message.length() > 160 ? message.substring(0, 160) + "…" : message;
    }
}
