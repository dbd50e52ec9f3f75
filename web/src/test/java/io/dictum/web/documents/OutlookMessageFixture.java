package io.dictum.web.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hpsf.ClassID;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Writes an Outlook message (.msg) as [MS-OXMSG] lays it out: an OLE2 compound file (written with POI's POIFS)
 * whose root storage holds a property stream, the named-property mapping storage and one storage per recipient;
 * strings live in {@code __substg1.0_XXXXYYYY} streams as UTF-16LE. Nothing in this project's toolchain writes
 * .msg files, so the test fixture is made here; {@code scripts/make-fixtures documents} runs {@link #main}.
 */
public final class OutlookMessageFixture {

    /** The fixture committed as {@code web/src/test/resources/documents/deposition-scheduling.msg}. */
    public static final Message DEPOSITION = new Message(
            "Delgado v. Acme Trucking - deposition of Frank Delgado",
            "Karen Mitchell", "kmitchell@mitchell-shaw.example",
            new Recipient("Alexandra Hale", "ahale@hale-ortiz.example"),
            OffsetDateTime.parse("2026-09-14T16:42:00-04:00"),
            """
                    Counsel,

                    Following up on our call this afternoon: Acme Trucking notices the deposition of plaintiff \
                    Frank Delgado for Tuesday, October 6, 2026, starting at 9:30 a.m., at our offices at \
                    400 Harbor Street, Suite 1200. Ravensworth Reporting will provide the court reporter and a \
                    videographer; we expect the examination to take no more than seven hours under Rule 30(d)(1).

                    If October 6 does not work for Mr. Delgado, please propose two alternative dates in the week \
                    of October 12 by this Friday, so that we can keep to the discovery cut-off in the scheduling \
                    order. We will also want his medical records from Dr. Helen Park produced at least ten days \
                    before the deposition.

                    The formal notice follows by mail.

                    Regards,
                    Karen Mitchell
                    Mitchell & Shaw LLP
                    Counsel for Defendant Acme Trucking Inc.
                    """);

    public record Recipient(String name, String email) {
    }

    public record Message(String subject, String senderName, String senderEmail, Recipient to,
                          OffsetDateTime sent, String body) {
    }

    // Property types [MS-OXCDATA] 2.11.1 and the tags used, [MS-OXPROPS].
    private static final int PT_LONG = 0x0003;
    private static final int PT_BOOLEAN = 0x000B;
    private static final int PT_SYSTIME = 0x0040;
    private static final int PT_UNICODE = 0x001F;
    private static final int READABLE_WRITABLE = 0x2 | 0x4;
    private static final int MSGFLAG_READ = 0x1;
    private static final int STORE_UNICODE_OK = 0x00040000;
    private static final int MAPI_TO = 1;
    /** The CLSID Outlook gives the root storage of a saved message. */
    private static final ClassID MESSAGE_CLSID = new ClassID("{00020D0B-0000-0000-C000-000000000046}");

    private OutlookMessageFixture() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: OutlookMessageFixture OUTPUT.msg");
        }
        Files.write(Path.of(args[0]), write(DEPOSITION));
    }

    public static byte[] write(Message m) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DirectoryEntry root = fs.getRoot();
            root.setStorageClsid(MESSAGE_CLSID);

            Properties top = new Properties(root);
            top.string(0x001A, "IPM.Note");
            top.string(0x0037, m.subject());
            top.string(0x0070, m.subject());
            top.string(0x1000, m.body());
            top.string(0x0C1A, m.senderName());
            top.string(0x0C1F, m.senderEmail());
            top.string(0x0C1E, "SMTP");
            top.string(0x0042, m.senderName());
            top.string(0x0065, m.senderEmail());
            top.string(0x0E04, m.to().name());
            top.string(0x0E03, "");
            top.string(0x0E02, "");
            top.string(0x1035, "<" + m.sent().toInstant().getEpochSecond() + ".deposition@mitchell-shaw.example>");
            top.string(0x007D, headers(m));
            top.fixed(0x0039, PT_SYSTIME, fileTime(m.sent().toInstant()));
            top.fixed(0x0E06, PT_SYSTIME, fileTime(m.sent().toInstant()));
            top.fixed(0x0E07, PT_LONG, MSGFLAG_READ);
            top.fixed(0x340D, PT_LONG, STORE_UNICODE_OK);
            top.fixed(0x0E1B, PT_BOOLEAN, 0);

            // Named properties map onto ids from 0x8000; this message uses none, but readers expect the storage.
            DirectoryEntry names = root.createDirectory("__nameid_version1.0");
            for (String stream : List.of("__substg1.0_00020102", "__substg1.0_00030102", "__substg1.0_00040102")) {
                names.createDocument(stream, new ByteArrayInputStream(new byte[0]));
            }

            DirectoryEntry recipient = root.createDirectory("__recip_version1.0_#00000000");
            Properties r = new Properties(recipient);
            r.fixed(0x3000, PT_LONG, 0);
            r.fixed(0x0C15, PT_LONG, MAPI_TO);
            r.fixed(0x3900, PT_LONG, 0);
            r.string(0x3001, m.to().name());
            r.string(0x3002, "SMTP");
            r.string(0x3003, m.to().email());
            r.string(0x39FE, m.to().email());
            r.string(0x5FF6, m.to().name());
            r.writeTo(recipient, new byte[8]);

            // Top-level header [MS-OXMSG] 2.4.1.1: 8 reserved bytes, next recipient id, next attachment id,
            // recipient count, attachment count, 8 reserved bytes.
            ByteBuffer header = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
            header.position(8);
            header.putInt(1).putInt(0).putInt(1).putInt(0);
            top.writeTo(root, header.array());

            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static String headers(Message m) {
        return "From: " + m.senderName() + " <" + m.senderEmail() + ">\r\n"
                + "To: " + m.to().name() + " <" + m.to().email() + ">\r\n"
                + "Subject: " + m.subject() + "\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(m.sent()) + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=\"utf-8\"\r\n\r\n";
    }

    /** Windows FILETIME: 100-nanosecond intervals since 1601-01-01 UTC. */
    private static long fileTime(Instant at) {
        long unixTo1601 = 11_644_473_600L;
        return (at.getEpochSecond() + unixTo1601) * 10_000_000L + at.getNano() / 100;
    }

    /** One storage's property stream ({@code __properties_version1.0}) and its string streams. */
    private static final class Properties {

        private final DirectoryEntry storage;
        private final List<byte[]> entries = new ArrayList<>();

        Properties(DirectoryEntry storage) {
            this.storage = storage;
        }

        /** A variable-length string: its entry holds the size (stream length + 2 for the terminator). */
        void string(int id, String value) throws IOException {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_16LE);
            storage.createDocument(String.format("__substg1.0_%04X%04X", id, PT_UNICODE),
                    new ByteArrayInputStream(bytes));
            entries.add(entry(id, PT_UNICODE, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(bytes.length + 2).putInt(0).array()));
        }

        /** A fixed-length value, stored in the entry itself. */
        void fixed(int id, int type, long value) {
            ByteBuffer v = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            if (type == PT_SYSTIME) {
                v.putLong(value);
            } else {
                v.putInt((int) value);
            }
            entries.add(entry(id, type, v.array()));
        }

        private static byte[] entry(int id, int type, byte[] value) {
            return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(id << 16 | type)
                    .putInt(READABLE_WRITABLE).put(value).array();
        }

        void writeTo(DirectoryEntry target, byte[] header) throws IOException {
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            stream.write(header);
            for (byte[] e : entries) {
                stream.write(e);
            }
            target.createDocument("__properties_version1.0", new ByteArrayInputStream(stream.toByteArray()));
        }
    }
}
