package io.dictum.core.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes RFC 5545 content lines: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character) with
 * the continuation starting with one space, and TEXT values escaped (backslash, semicolon, comma, new lines).
 */
public final class ICalendar {

    static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    /** Appends one property line, folded; {@code value} is written as given (escape TEXT with {@link #text}). */
    public ICalendar line(String nameAndParameters, String value) {
        fold(nameAndParameters + ":" + value);
        return this;
    }

    public static String text(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\n' -> sb.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        sb.append("\\n");
                    }
                }
                default -> sb.append(ch < 0x20 && ch != '\t' ? ' ' : ch);
            }
        }
        return sb.toString();
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    public static String utc(Instant instant) {
        return UTC.format(instant);
    }

    private void fold(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = MAX_OCTETS;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) {
                end--; // back off to the first byte of a character
            }
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
        }
        out.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
