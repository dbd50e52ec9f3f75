package io.dictum.core.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A CSV file read whole before anything is imported: strict UTF-8 (a byte-order mark is allowed), RFC 4180 quoting,
 * a header row whose names are mapped onto fields by {@link ImportColumns}. Anything that makes the file as a whole
 * unreadable is a {@link MalformedCsvException} naming the line.
 */
record CsvTable(Map<String, String> headerOfField, List<String> ignoredColumns, List<Row> rows) {

    /** One data row: its line in the file (the header is line 1) and its non-blank values by field. */
    record Row(long line, Map<String, String> values) {
        String get(String field) {
            return values.get(field);
        }
    }

    static final int MAX_ROWS = 50_000;
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("\\((?:start)?line (\\d+)\\)");

    static CsvTable read(byte[] bytes, ImportKind kind, ImportColumns columns) {
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new MalformedCsvException("The file is empty: send a CSV file with a header row and one row per "
                    + kind.id().replaceAll("s$", "") + ".", List.of(new RowProblem(1, null, "empty file")));
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> headers = parser.getHeaderNames();
            Map<String, String> fieldOfHeader = new LinkedHashMap<>();
            Map<String, String> headerOfField = new LinkedHashMap<>();
            List<String> ignored = new ArrayList<>();
            for (String header : headers) {
                String field = columns.field(kind, header).orElse(null);
                if (field == null) {
                    if (!header.isBlank()) {
                        ignored.add(header);
                    }
                    continue;
                }
                String earlier = headerOfField.putIfAbsent(field, header);
                if (earlier != null) {
                    throw new MalformedCsvException("The columns '" + earlier + "' and '" + header
                            + "' both give the " + field + "; keep one of them and send the file again.",
                            List.of(new RowProblem(1, header, "same meaning as column '" + earlier + "'")));
                }
                fieldOfHeader.put(header, field);
            }
            requireColumns(kind, columns, headerOfField.keySet());
            List<Row> rows = new ArrayList<>();
            int[] newlines = newlines(text);
            for (CSVRecord record : parser) {
                long line = lineOf(record, newlines);
                if (record.size() > headers.size()) {
                    throw new MalformedCsvException("Line " + line + " has " + record.size() + " values but the"
                            + " header names " + headers.size() + " columns; check the quoting of that line (a"
                            + " comma inside a value needs the value in double quotes).",
                            List.of(new RowProblem(line, null, record.size() + " values, " + headers.size()
                                    + " columns")));
                }
                if (rows.size() == MAX_ROWS) {
                    throw new MalformedCsvException("The file has more than " + MAX_ROWS + " rows; split it into"
                            + " smaller files and import them one after another.",
                            List.of(new RowProblem(line, null, "row limit " + MAX_ROWS + " reached")));
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    String field = fieldOfHeader.get(headers.get(i));
                    if (field != null && !record.get(i).isBlank()) {
                        values.put(field, record.get(i).strip());
                    }
                }
                rows.add(new Row(line, values));
            }
            return new CsvTable(Map.copyOf(headerOfField), List.copyOf(ignored), List.copyOf(rows));
        } catch (UncheckedIOException | IOException e) {
            // commons-csv reports bad quoting as an IOException whose message names the line.
            String message = e instanceof UncheckedIOException u && u.getCause() != null
                    ? u.getCause().getMessage() : e.getMessage();
            long line = lineIn(message);
            throw new MalformedCsvException("The file is not valid CSV near line " + line + ": " + message
                    + ". Quote values that contain commas, quotes or line breaks with double quotes, and double"
                    + " any quote inside a quoted value.", List.of(new RowProblem(line, null, message)));
        } catch (IllegalArgumentException e) {
            throw new MalformedCsvException("The header row cannot be used: " + e.getMessage()
                    + ". Give every column a distinct name.", List.of(new RowProblem(1, null, e.getMessage())));
        }
    }

    private static void requireColumns(ImportKind kind, ImportColumns columns, java.util.Set<String> present) {
        List<RowProblem> missing = new ArrayList<>();
        if (kind == ImportKind.CONTACTS) {
            if (!present.contains("name") && !present.contains("company")
                    && !(present.contains("firstName") && present.contains("lastName"))) {
                missing.add(new RowProblem(1, "Name", "a name column is required: " + String.join(", ",
                        columns.headers(kind, "name")) + "; or First Name and Last Name; or Company"));
            }
        } else {
            for (String field : List.of("number", "client")) {
                if (!present.contains(field)) {
                    List<String> names = columns.headers(kind, field);
                    missing.add(new RowProblem(1, names.get(0), "a " + names.get(0) + " column is required ("
                            + String.join(", ", names) + ")"));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MalformedCsvException("The header row (line 1) lacks a required column: "
                    + String.join("; ", missing.stream().map(RowProblem::message).toList())
                    + ". Add the column, or rename it to one of the names listed.", missing);
        }
    }

    /** The line a record starts on, from its character offset (a quoted value may span lines). */
    private static long lineOf(CSVRecord record, int[] newlines) {
        int pos = java.util.Arrays.binarySearch(newlines, (int) record.getCharacterPosition());
        return 1 + (pos >= 0 ? pos : -pos - 1);
    }

    private static int[] newlines(String text) {
        return java.util.stream.IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').toArray();
    }

    private static long lineIn(String message) {
        Matcher m = LINE_IN_MESSAGE.matcher(message == null ? "" : message);
        return m.find() ? Long.parseLong(m.group(1)) : 1;
    }

    /** Strict UTF-8: a file saved in another encoding is refused with the line of the first byte that is not. */
    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            long line = 1;
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            String message = "byte 0x" + Integer.toHexString(bytes[bad] & 0xff) + " is not UTF-8";
            throw new MalformedCsvException("The file is not UTF-8 text (line " + line + ", " + message + "). Save"
                    + " it as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8) and send it again.",
                    List.of(new RowProblem(line, null, message)));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }
}
