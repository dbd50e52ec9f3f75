package io.dictum.speech;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A piece of audio ready for recognition: 16 kHz, mono, 16-bit samples, whatever it was before.
 *
 * <p>{@link #fromWav(byte[])} reads RIFF/WAVE files with 16-bit integer PCM ({@code
 * WAVE_FORMAT_PCM}, or {@code WAVE_FORMAT_EXTENSIBLE} with the PCM subformat), any number of
 * channels (averaged to mono) and any rate from 8 to 48 kHz (resampled with a band-limited
 * windowed-sinc filter, see {@link Resampler}). Anything else is rejected with an
 * {@link InvalidAudioException} whose message says what was wrong and what to send instead.
 *
 * <p>Instances are immutable.
 */
public final class AudioClip {

    /** The rate of every clip's samples, the rate the recogniser works at. */
    public static final int SAMPLE_RATE = 16_000;
    public static final int MIN_SOURCE_RATE = 8_000;
    public static final int MAX_SOURCE_RATE = 48_000;
    /** More channels than this is taken for a corrupt header. */
    public static final int MAX_CHANNELS = 16;
    /** Longest accepted clip; a guard against corrupt headers and memory blow-ups, not a product limit. */
    public static final int MAX_DURATION_SECONDS = 60 * 60;

    static final String WHAT_TO_SEND = "Send 16-bit PCM WAV, mono or stereo, 8 to 48 kHz.";

    private static final int WAVE_FORMAT_PCM = 0x0001;
    private static final int WAVE_FORMAT_IEEE_FLOAT = 0x0003;
    private static final int WAVE_FORMAT_ALAW = 0x0006;
    private static final int WAVE_FORMAT_MULAW = 0x0007;
    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
    /** Bytes 2..15 of every KSDATAFORMAT_SUBTYPE_* GUID (xxxxxxxx-0000-0010-8000-00aa00389b71). */
    private static final byte[] SUBTYPE_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
    };

    private final short[] samples;
    private final int sourceSampleRate;
    private final int sourceChannels;

    private AudioClip(short[] samples, int sourceSampleRate, int sourceChannels) {
        this.samples = samples;
        this.sourceSampleRate = sourceSampleRate;
        this.sourceChannels = sourceChannels;
    }

    // ------------------------------------------------------------------ factories

    /**
     * Decodes a WAV file.
     *
     * <p>A data chunk that is shorter than its header declares (a recording cut off in
     * transfer, or a header written for a stream of unknown length, which declares 0xFFFFFFFF)
     * is accepted with the whole frames that are present: dropping the request would lose
     * speech the user did record, and the missing tail is simply not transcribed. A file with
     * no whole frame at all is rejected.
     *
     * @throws InvalidAudioException when the bytes are not WAV audio this service can decode
     */
    public static AudioClip fromWav(byte[] wav) {
        if (wav == null || wav.length == 0) {
            throw invalid("The audio is empty.");
        }
        if (wav.length < 12 || !"RIFF".equals(ascii(wav, 0, 4)) || !"WAVE".equals(ascii(wav, 8, 4))) {
            String other = sniff(wav);
            if (other != null) {
                throw invalid("The audio is " + other + ", not WAV.");
            }
            if (wav.length < 12 && "RIFF".startsWith(ascii(wav, 0, Math.min(4, wav.length)))) {
                throw invalid("The WAV header is truncated (" + wav.length + " bytes).");
            }
            throw invalid("The audio is not a WAV file (it does not start with a RIFF/WAVE header).");
        }

        Format format = null;
        int dataOffset = -1;
        long dataLength = 0;
        boolean dataTruncated = false;
        long pos = 12;
        while (pos + 8 <= wav.length) {
            int at = (int) pos;
            String id = ascii(wav, at, 4);
            long size = u32(wav, at + 4);
            int body = at + 8;
            long available = wav.length - (long) body;
            if (id.equals("fmt ")) {
                if (size < 16) {
                    throw invalid("The WAV format chunk is too short (" + size + " bytes, at least 16 expected).");
                }
                if (size > available) {
                    throw invalid("The WAV header is truncated: the file ends inside its format chunk.");
                }
                format = Format.parse(wav, body, (int) size);
            } else if (id.equals("data")) {
                dataOffset = body;
                dataTruncated = size > available;
                dataLength = Math.min(size, available);
                if (format != null) {
                    break;
                }
            }
            pos = body + size + (size & 1);
        }
        if (format == null) {
            throw invalid(dataOffset >= 0 || pos < wav.length
                    ? "The WAV file has no format chunk (\"fmt \"), so its encoding is unknown."
                    : "The WAV header is truncated: the file ends before the format chunk.");
        }
        if (dataOffset < 0) {
            throw invalid("The WAV file has no data chunk: it holds no audio (the file may be truncated).");
        }
        format.check();

        int frameSize = format.channels * 2;
        long frames = dataLength / frameSize;
        if (frames == 0) {
            throw invalid(dataTruncated
                    ? "The WAV file is truncated: it ends before the first audio frame."
                    : "The WAV file holds no audio (its data chunk is empty).");
        }
        checkDuration(frames, (int) format.sampleRate);

        float[] mono = new float[(int) frames];
        int channels = format.channels;
        for (int f = 0; f < frames; f++) {
            int at = dataOffset + f * frameSize;
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += (short) ((wav[at + 2 * c] & 0xFF) | (wav[at + 2 * c + 1] << 8));
            }
            mono[f] = channels == 1 ? sum : (float) sum / channels;
        }
        int rate = (int) format.sampleRate;
        return new AudioClip(to16k(mono, rate), rate, channels);
    }

    /**
     * Wraps mono 16-bit samples at {@code sampleRate} (8 to 48 kHz), resampling them to 16 kHz.
     * An empty array gives an empty clip (a stream may deliver an empty frame).
     */
    public static AudioClip fromPcm16(short[] samples, int sampleRate) {
        if (samples == null) {
            throw invalid("No audio samples were given.");
        }
        checkRate(sampleRate);
        checkDuration(samples.length, sampleRate);
        if (sampleRate == SAMPLE_RATE) {
            return new AudioClip(samples.clone(), sampleRate, 1);
        }
        float[] mono = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            mono[i] = samples[i];
        }
        return new AudioClip(to16k(mono, sampleRate), sampleRate, 1);
    }

    /** Like {@link #fromPcm16(short[], int)} for little-endian bytes, two per sample. */
    public static AudioClip fromPcm16(byte[] littleEndian, int sampleRate) {
        if (littleEndian == null) {
            throw invalid("No audio samples were given.");
        }
        if (littleEndian.length % 2 != 0) {
            throw invalid("16-bit PCM needs an even number of bytes, got " + littleEndian.length + ".");
        }
        short[] samples = new short[littleEndian.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((littleEndian[2 * i] & 0xFF) | (littleEndian[2 * i + 1] << 8));
        }
        checkRate(sampleRate);
        checkDuration(samples.length, sampleRate);
        if (sampleRate == SAMPLE_RATE) {
            return new AudioClip(samples, sampleRate, 1);
        }
        return fromPcm16(samples, sampleRate);
    }

    // ------------------------------------------------------------------ accessors

    /** The samples at 16 kHz, mono (a copy). */
    public short[] samples() {
        return samples.clone();
    }

    /** The samples at 16 kHz, mono, as little-endian bytes. */
    public byte[] pcm16le() {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return bytes;
    }

    /** The clip as a 16 kHz mono 16-bit PCM WAV file. */
    public byte[] toWav() {
        byte[] pcm = pcm16le();
        byte[] wav = new byte[44 + pcm.length];
        putAscii(wav, 0, "RIFF");
        putU32(wav, 4, 36L + pcm.length);
        putAscii(wav, 8, "WAVE");
        putAscii(wav, 12, "fmt ");
        putU32(wav, 16, 16);
        putU16(wav, 20, WAVE_FORMAT_PCM);
        putU16(wav, 22, 1);
        putU32(wav, 24, SAMPLE_RATE);
        putU32(wav, 28, SAMPLE_RATE * 2L);
        putU16(wav, 32, 2);
        putU16(wav, 34, 16);
        putAscii(wav, 36, "data");
        putU32(wav, 40, pcm.length);
        System.arraycopy(pcm, 0, wav, 44, pcm.length);
        return wav;
    }

    /** Number of 16 kHz samples. */
    public int sampleCount() {
        return samples.length;
    }

    public double durationSeconds() {
        return (double) samples.length / SAMPLE_RATE;
    }

    /** The rate of the audio as it was given, before resampling. */
    public int sourceSampleRate() {
        return sourceSampleRate;
    }

    /** The number of channels of the audio as it was given, before the down-mix to mono. */
    public int sourceChannels() {
        return sourceChannels;
    }

    /** The samples without a copy, for the recogniser in this package; never modify. */
    short[] samplesView() {
        return samples;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AudioClip[%.2f s, from %d Hz, %d channel%s]",
                durationSeconds(), sourceSampleRate, sourceChannels, sourceChannels == 1 ? "" : "s");
    }

    // ------------------------------------------------------------------ helpers

    private static short[] to16k(float[] mono, int rate) {
        float[] resampled = rate == SAMPLE_RATE ? mono : Resampler.resample(mono, rate, SAMPLE_RATE);
        short[] out = new short[resampled.length];
        for (int i = 0; i < out.length; i++) {
            long v = Math.round(resampled[i]);
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        return out;
    }

    private static void checkRate(int rate) {
        if (rate < MIN_SOURCE_RATE || rate > MAX_SOURCE_RATE) {
            throw invalid("The sample rate " + rate + " Hz is not supported.");
        }
    }

    private static void checkDuration(long frames, int rate) {
        if (frames / rate > MAX_DURATION_SECONDS) {
            throw invalid("The audio is " + (frames / rate / 60) + " minutes long; at most "
                    + MAX_DURATION_SECONDS / 60 + " minutes are accepted in one piece.");
        }
    }

    /** Names common non-WAV formats, so that the message says what was actually sent. */
    private static String sniff(byte[] b) {
        if (startsWith(b, 0, "RIFX")) {
            return "big-endian WAV (RIFX)";
        }
        if (startsWith(b, 0, "RF64") || startsWith(b, 0, "BW64")) {
            return "64-bit RF64 WAV";
        }
        if (startsWith(b, 0, "RIFF") && b.length >= 12) {
            return "a RIFF file of type '" + ascii(b, 8, 4).strip() + "'";
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF && (b[3] & 0xFF) == 0xA3) {
            return "WebM/Matroska (as browsers record by default)";
        }
        if (startsWith(b, 0, "OggS")) {
            return "Ogg (Opus or Vorbis)";
        }
        if (startsWith(b, 0, "fLaC")) {
            return "FLAC";
        }
        if (startsWith(b, 0, "ID3") || (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0)) {
            return "MP3";
        }
        if (startsWith(b, 4, "ftyp")) {
            return "MP4/M4A";
        }
        if (startsWith(b, 0, "FORM") && b.length >= 12 && ascii(b, 8, 3).equals("AIF")) {
            return "AIFF";
        }
        if (startsWith(b, 0, "#!AMR")) {
            return "AMR";
        }
        if (b.length > 0 && (b[0] == '{' || b[0] == '[')) {
            return "JSON text";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int offset, String ascii) {
        if (b.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static InvalidAudioException invalid(String problem) {
        return new InvalidAudioException(problem + " " + WHAT_TO_SEND);
    }

    private static String ascii(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static int u16(byte[] b, int offset) {
        return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int offset) {
        return (u16(b, offset) | (long) u16(b, offset + 2) << 16) & 0xFFFFFFFFL;
    }

    private static void putAscii(byte[] b, int offset, String s) {
        for (int i = 0; i < s.length(); i++) {
            b[offset + i] = (byte) s.charAt(i);
        }
    }

    private static void putU16(byte[] b, int offset, int v) {
        b[offset] = (byte) v;
        b[offset + 1] = (byte) (v >> 8);
    }

    private static void putU32(byte[] b, int offset, long v) {
        putU16(b, offset, (int) (v & 0xFFFF));
        putU16(b, offset + 2, (int) (v >> 16 & 0xFFFF));
    }

    /** The fields of a "fmt " chunk that matter here. */
    private static final class Format {
        int formatTag;
        int channels;
        long sampleRate;
        int blockAlign;
        int bitsPerSample;
        int validBits;

        static Format parse(byte[] b, int at, int size) {
            Format f = new Format();
            f.formatTag = u16(b, at);
            f.channels = u16(b, at + 2);
            f.sampleRate = u32(b, at + 4);
            f.blockAlign = u16(b, at + 12);
            f.bitsPerSample = u16(b, at + 14);
            f.validBits = f.bitsPerSample;
            if (f.formatTag == WAVE_FORMAT_EXTENSIBLE) {
                if (size < 40 || u16(b, at + 16) < 22) {
                    throw invalid("The WAV header says WAVE_FORMAT_EXTENSIBLE but its format chunk is too short.");
                }
                f.validBits = u16(b, at + 18);
                if (!Arrays.equals(b, at + 26, at + 40, SUBTYPE_GUID_TAIL, 0, SUBTYPE_GUID_TAIL.length)) {
                    throw invalid("The WAV file uses a vendor-specific encoding (unknown subformat GUID).");
                }
                f.formatTag = u16(b, at + 24);
            }
            return f;
        }

        void check() {
            switch (formatTag) {
                case WAVE_FORMAT_PCM:
                    break;
                case WAVE_FORMAT_IEEE_FLOAT:
                    throw invalid("The audio is " + bitsPerSample + "-bit floating-point WAV; only 16-bit integer PCM is decoded.");
                case WAVE_FORMAT_ALAW:
                case WAVE_FORMAT_MULAW:
                    throw invalid("The audio is " + (formatTag == WAVE_FORMAT_ALAW ? "A-law" : "\u00b5-law")
                            + " WAV (telephone compression); only 16-bit linear PCM is decoded.");
                default:
                    throw invalid(String.format(Locale.ROOT,
                            "The audio is compressed WAV (format tag 0x%04X), not plain PCM.", formatTag));
            }
            if (bitsPerSample != 16) {
                throw invalid("The audio is " + bitsPerSample + "-bit PCM; only 16-bit samples are decoded.");
            }
            if (validBits == 0 || validBits > 16) {
                throw invalid("The WAV header is inconsistent: " + validBits + " valid bits in 16-bit samples.");
            }
            if (channels == 0) {
                throw invalid("The WAV header says the audio has no channels.");
            }
            if (channels > MAX_CHANNELS) {
                throw invalid("The WAV header says the audio has " + channels + " channels, which looks corrupt.");
            }
            if (blockAlign != channels * 2) {
                throw invalid("The WAV header is inconsistent: " + blockAlign + " bytes per frame for "
                        + channels + " channel(s) of 16-bit samples.");
            }
            if (sampleRate < MIN_SOURCE_RATE || sampleRate > MAX_SOURCE_RATE) {
                throw invalid("The sample rate " + sampleRate + " Hz is not supported.");
            }
        }
    }
}
