package io.dictum.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds WAV files byte by byte for tests, including odd and broken ones. */
final class Wavs {

    static final int PCM = 1;
    static final int FLOAT = 3;
    static final int EXTENSIBLE = 0xFFFE;

    private Wavs() {
    }

    /** A plain 16-bit PCM WAV of interleaved samples. */
    static byte[] pcm16(int rate, int channels, short... interleaved) {
        return riff(fmt(PCM, channels, rate, 16), chunk("data", le16(interleaved)));
    }

    static byte[] fmt(int tag, int channels, long rate, int bits) {
        return chunk("fmt ", fmtBody(tag, channels, rate, bits, channels * bits / 8));
    }

    static byte[] fmtBody(int tag, int channels, long rate, int bits, int blockAlign) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, tag);
        u16(out, channels);
        u32(out, rate);
        u32(out, rate * blockAlign);
        u16(out, blockAlign);
        u16(out, bits);
        return out.toByteArray();
    }

    /** A WAVE_FORMAT_EXTENSIBLE "fmt " chunk whose subformat GUID carries {@code subTag}. */
    static byte[] fmtExtensible(int subTag, int channels, long rate, int bits, int validBits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fmtBody(EXTENSIBLE, channels, rate, bits, channels * bits / 8));
        u16(out, 22);
        u16(out, validBits);
        u32(out, channels == 2 ? 3 : 4);
        u16(out, subTag);
        out.writeBytes(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00,
            0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", out.toByteArray());
    }

    /** A chunk with its header and, for odd sizes, the pad byte. */
    static byte[] chunk(String id, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        u32(out, body.length);
        out.writeBytes(body);
        if (body.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** A chunk header declaring {@code declaredSize} followed by {@code body}, whatever its length. */
    static byte[] chunkDeclaring(String id, long declaredSize, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        u32(out, declaredSize);
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] c : chunks) {
            body.writeBytes(c);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        u32(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    static byte[] le16(short... samples) {
        byte[] b = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            b[2 * i] = (byte) samples[i];
            b[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return b;
    }

    static short[] sine(double frequency, int rate, double seconds, double amplitude) {
        short[] s = new short[(int) Math.round(rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return s;
    }

    static byte[] resource(String name) {
        try (InputStream in = Wavs.class.getResourceAsStream("/audio/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /audio/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write(v >> 8 & 0xFF);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v & 0xFFFF));
        u16(out, (int) (v >> 16 & 0xFFFF));
    }
}
