package io.dictum.speech;

import static io.dictum.speech.Wavs.chunk;
import static io.dictum.speech.Wavs.chunkDeclaring;
import static io.dictum.speech.Wavs.fmt;
import static io.dictum.speech.Wavs.le16;
import static io.dictum.speech.Wavs.riff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioClipTest {

    private static final String HINT = "Send 16-bit PCM WAV, mono or stereo, 8 to 48 kHz.";

    // ------------------------------------------------------------------ what is accepted

    @Test
    void readsPlain16kMonoExactly() {
        short[] samples = {0, 1, -1, 32767, -32768, 1234};

        AudioClip clip = AudioClip.fromWav(Wavs.pcm16(16_000, 1, samples));

        assertThat(clip.samples()).containsExactly(samples);
        assertThat(clip.sampleCount()).isEqualTo(6);
        assertThat(clip.durationSeconds()).isEqualTo(6 / 16_000.0);
        assertThat(clip.sourceSampleRate()).isEqualTo(16_000);
        assertThat(clip.sourceChannels()).isEqualTo(1);
        assertThat(clip.pcm16le()).containsExactly(le16(samples));
    }

    @Test
    void averagesChannelsToMono() {
        AudioClip stereo = AudioClip.fromWav(Wavs.pcm16(16_000, 2, (short) 1000, (short) 3000, (short) -4, (short) -8));
        assertThat(stereo.samples()).containsExactly((short) 2000, (short) -6);
        assertThat(stereo.sourceChannels()).isEqualTo(2);

        AudioClip quad = AudioClip.fromWav(Wavs.pcm16(16_000, 4, (short) 100, (short) 200, (short) 300, (short) 400));
        assertThat(quad.samples()).containsExactly((short) 250);
        assertThat(quad.sourceChannels()).isEqualTo(4);

        AudioClip loud = AudioClip.fromWav(Wavs.pcm16(16_000, 2, (short) 32767, (short) 32767, (short) -32768, (short) -32768));
        assertThat(loud.samples()).containsExactly((short) 32767, (short) -32768);
    }

    @Test
    void readsWaveFormatExtensibleWithPcmSubformat() {
        byte[] wav = riff(Wavs.fmtExtensible(Wavs.PCM, 2, 16_000, 16, 16),
                chunk("data", le16((short) 10, (short) 20, (short) 30, (short) 40)));

        AudioClip clip = AudioClip.fromWav(wav);

        assertThat(clip.samples()).containsExactly((short) 15, (short) 35);
        assertThat(clip.sourceChannels()).isEqualTo(2);
    }

    @Test
    void walksPastOtherChunksIncludingOddSizedOnes() {
        byte[] list = chunk("LIST", "INFOISFT\u0003\u0000\u0000\u0000sox".getBytes(StandardCharsets.ISO_8859_1)); // odd size, padded
        byte[] fact = chunk("fact", new byte[] {3, 0, 0, 0});
        byte[] junk = chunk("JUNK", new byte[27]);
        byte[] wav = riff(junk, fmt(Wavs.PCM, 1, 16_000, 16), list, fact, chunk("data", le16((short) 7, (short) 8, (short) 9)),
                chunk("id3 ", new byte[5]));

        assertThat(AudioClip.fromWav(wav).samples()).containsExactly((short) 7, (short) 8, (short) 9);
    }

    @Test
    void acceptsAFormatChunkAfterTheDataChunk() {
        byte[] wav = riff(chunk("data", le16((short) 5, (short) 6)), fmt(Wavs.PCM, 1, 16_000, 16));
        assertThat(AudioClip.fromWav(wav).samples()).containsExactly((short) 5, (short) 6);
    }

    @Test
    void ignoresAWrongRiffSize() {
        byte[] wav = Wavs.pcm16(16_000, 1, (short) 1, (short) 2);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 12345678);
        assertThat(AudioClip.fromWav(wav).samples()).containsExactly((short) 1, (short) 2);
    }

    @Test
    void aTruncatedDataChunkKeepsTheWholeFramesPresent() {
        // declares 1000 bytes of stereo audio, holds 2 whole frames and half of a third
        byte[] wav = riff(fmt(Wavs.PCM, 2, 16_000, 16),
                chunkDeclaring("data", 1000, new byte[] {10, 0, 20, 0, 30, 0, 40, 0, 50, 0, 60}));

        AudioClip clip = AudioClip.fromWav(wav);

        assertThat(clip.samples()).containsExactly((short) 15, (short) 35);
    }

    @Test
    void acceptsTheStreamingHeaderOfUnknownLength() {
        byte[] wav = riff(fmt(Wavs.PCM, 1, 16_000, 16), chunkDeclaring("data", 0xFFFFFFFFL, le16((short) 1, (short) 2, (short) 3)));
        assertThat(AudioClip.fromWav(wav).samples()).containsExactly((short) 1, (short) 2, (short) 3);
    }

    @Test
    void resamplesToSixteenKilohertz() {
        AudioClip clip = AudioClip.fromWav(Wavs.pcm16(44_100, 1, Wavs.sine(440, 44_100, 0.5, 5000)));
        assertThat(clip.sourceSampleRate()).isEqualTo(44_100);
        assertThat(clip.sampleCount()).isEqualTo(8_000);
        assertThat(clip.durationSeconds()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void matchesJavaSoundOnTheSixteenKilohertzFixtures() throws Exception {
        for (String name : new String[] {"open-the-miller-case.flite-slt.16k.wav", "silence.16k.wav",
            "open-the-johnson-case.espeak-en-gb.16k.wav"}) {
            byte[] wav = Wavs.resource(name);
            byte[] expected;
            try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
                assertThat(in.getFormat().getSampleRate()).isEqualTo(16_000f);
                expected = in.readAllBytes();
            }
            assertThat(AudioClip.fromWav(wav).pcm16le()).as(name).isEqualTo(expected);
        }
    }

    @Test
    void readsEveryFixtureWithItsRateAndChannels() {
        AudioClip stereo = AudioClip.fromWav(Wavs.resource("open-the-miller-case.flite-kal16.44k-stereo.wav"));
        assertThat(stereo.sourceSampleRate()).isEqualTo(44_100);
        assertThat(stereo.sourceChannels()).isEqualTo(2);
        assertThat(stereo.durationSeconds()).isBetween(1.5, 4.0);

        AudioClip narrow = AudioClip.fromWav(Wavs.resource("find-the-police-report.flite-slt.8k.wav"));
        assertThat(narrow.sourceSampleRate()).isEqualTo(8_000);
        assertThat(narrow.sourceChannels()).isEqualTo(1);
        assertThat(narrow.sampleCount()).isEqualTo(2 * (Wavs.resource("find-the-police-report.flite-slt.8k.wav").length - 44) / 2);
    }

    @Test
    void fromPcm16TakesSamplesOrLittleEndianBytes() {
        short[] samples = Wavs.sine(300, 8_000, 0.25, 3000);
        AudioClip fromShorts = AudioClip.fromPcm16(samples, 8_000);
        AudioClip fromBytes = AudioClip.fromPcm16(le16(samples), 8_000);
        assertThat(fromShorts.sampleCount()).isEqualTo(4_000);
        assertThat(fromBytes.samples()).containsExactly(fromShorts.samples());
        assertThat(fromShorts.sourceSampleRate()).isEqualTo(8_000);

        AudioClip same = AudioClip.fromPcm16(le16((short) 1, (short) -2), 16_000);
        assertThat(same.samples()).containsExactly((short) 1, (short) -2);
        assertThat(AudioClip.fromPcm16(new short[0], 16_000).sampleCount()).isZero();
    }

    @Test
    void samplesAreDefensiveCopies() {
        short[] samples = {1, 2, 3};
        AudioClip clip = AudioClip.fromPcm16(samples, 16_000);
        samples[0] = 99;
        clip.samples()[1] = 99;
        assertThat(clip.samples()).containsExactly((short) 1, (short) 2, (short) 3);
    }

    @Test
    void toWavWritesWhatFromWavReads() {
        AudioClip clip = AudioClip.fromWav(Wavs.resource("open-the-miller-case.flite-kal16.44k-stereo.wav"));
        AudioClip again = AudioClip.fromWav(clip.toWav());
        assertThat(again.samples()).containsExactly(clip.samples());
        assertThat(again.sourceSampleRate()).isEqualTo(16_000);
    }

    // ------------------------------------------------------------------ what is refused, and why

    @Test
    void emptyBody() {
        assertInvalid(new byte[0]).hasMessageContaining("empty");
        assertInvalid(null).hasMessageContaining("empty");
    }

    @Test
    void randomBytes() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 'x';
        assertInvalid(noise).hasMessageContaining("not a WAV file");
    }

    @Test
    void truncatedHeaders() {
        byte[] wav = Wavs.pcm16(16_000, 1, Wavs.sine(200, 16_000, 0.1, 1000));
        assertInvalid(Arrays.copyOf(wav, 6)).hasMessageContaining("truncated");
        assertInvalid(Arrays.copyOf(wav, 12)).hasMessageContaining("truncated");
        assertInvalid(Arrays.copyOf(wav, 20)).hasMessageContaining("truncated");
        assertInvalid(Arrays.copyOf(wav, 30)).hasMessageContaining("truncated");
        assertInvalid(Arrays.copyOf(wav, 36)).hasMessageContaining("no data chunk");
        assertInvalid(Arrays.copyOf(wav, 45)).hasMessageContaining("truncated").hasMessageContaining("before the first audio frame");
    }

    @Test
    void noWholeFrame() {
        assertInvalid(riff(fmt(Wavs.PCM, 1, 16_000, 16), chunk("data", new byte[0]))).hasMessageContaining("holds no audio");
        assertInvalid(riff(fmt(Wavs.PCM, 2, 16_000, 16), chunk("data", new byte[3]))).hasMessageContaining("holds no audio");
    }

    @Test
    void missingChunks() {
        assertInvalid(riff(chunk("data", le16((short) 1)))).hasMessageContaining("no format chunk");
        assertInvalid(riff(fmt(Wavs.PCM, 1, 16_000, 16), chunk("LIST", new byte[4]))).hasMessageContaining("no data chunk");
    }

    @Test
    void eightBitPcm() {
        assertInvalid(riff(fmt(Wavs.PCM, 1, 16_000, 8), chunk("data", new byte[] {(byte) 128, (byte) 129})))
                .hasMessageContaining("8-bit PCM");
    }

    @Test
    void twentyFourBitPcm() {
        assertInvalid(riff(fmt(Wavs.PCM, 1, 16_000, 24), chunk("data", new byte[6]))).hasMessageContaining("24-bit PCM");
        assertInvalid(riff(Wavs.fmtExtensible(Wavs.PCM, 2, 48_000, 24, 24), chunk("data", new byte[12])))
                .hasMessageContaining("24-bit PCM");
    }

    @Test
    void floatWav() {
        byte[] samples = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-0.5f).array();
        assertInvalid(riff(fmt(Wavs.FLOAT, 1, 16_000, 32), chunk("data", samples)))
                .hasMessageContaining("32-bit floating-point");
        assertInvalid(riff(Wavs.fmtExtensible(Wavs.FLOAT, 1, 16_000, 32, 32), chunk("data", samples)))
                .hasMessageContaining("floating-point");
    }

    @Test
    void compressedWav() {
        assertInvalid(riff(fmt(7, 1, 8_000, 8), chunk("data", new byte[4]))).hasMessageContaining("\u00b5-law");
        assertInvalid(riff(fmt(0x11, 1, 8_000, 4), chunk("data", new byte[4]))).hasMessageContaining("compressed WAV (format tag 0x0011)");
        byte[] vendor = riff(Wavs.fmtExtensible(Wavs.PCM, 1, 16_000, 16, 16), chunk("data", new byte[4]));
        vendor[12 + 8 + 24 + 5] = 0x42; // corrupt the GUID tail
        assertInvalid(vendor).hasMessageContaining("vendor-specific");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4_000, 7_999, 48_001, 96_000, 192_000})
    void unsupportedRates(int rate) {
        assertInvalid(Wavs.pcm16(rate, 1, (short) 1, (short) 2)).hasMessageContaining("not supported");
        assertThatThrownBy(() -> AudioClip.fromPcm16(new short[] {1}, rate)).isInstanceOf(InvalidAudioException.class)
                .hasMessageContaining(rate + " Hz");
    }

    @Test
    void absurdHeaderValues() {
        assertInvalid(riff(chunk("fmt ", Wavs.fmtBody(Wavs.PCM, 0, 16_000, 16, 0)), chunk("data", new byte[4])))
                .hasMessageContaining("no channels");
        assertInvalid(riff(chunk("fmt ", Wavs.fmtBody(Wavs.PCM, 300, 16_000, 16, 600)), chunk("data", new byte[600])))
                .hasMessageContaining("300 channels");
        assertInvalid(riff(chunk("fmt ", Wavs.fmtBody(Wavs.PCM, 2, 16_000, 16, 3)), chunk("data", new byte[12])))
                .hasMessageContaining("inconsistent");
        assertInvalid(riff(fmt(Wavs.PCM, 1, 0xFFFFFFFFL, 16), chunk("data", new byte[4])))
                .hasMessageContaining("4294967295 Hz");
        assertInvalid(riff(chunk("fmt ", new byte[8]), chunk("data", new byte[4]))).hasMessageContaining("too short");
        assertInvalid(riff(chunkDeclaring("fmt ", 0x7FFFFFF0L, Wavs.fmtBody(Wavs.PCM, 1, 16_000, 16, 2))))
                .hasMessageContaining("truncated");
    }

    @Test
    void otherFormatsAreNamed() {
        assertInvalid(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1, 2, 3, 4, 5, 6, 7, 8, 9}).hasMessageContaining("WebM");
        assertInvalid("OggS\0\2\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)).hasMessageContaining("Ogg");
        assertInvalid("ID3\4\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)).hasMessageContaining("MP3");
        assertInvalid("fLaC\0\0\0\42\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)).hasMessageContaining("FLAC");
        assertInvalid("\0\0\0\30ftypM4A \0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)).hasMessageContaining("MP4");
        assertInvalid("RIFX\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)).hasMessageContaining("big-endian");
        assertInvalid("RIFF\0\0\0\0AVI LIST".getBytes(StandardCharsets.ISO_8859_1)).hasMessageContaining("'AVI'");
        assertInvalid("{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8)).hasMessageContaining("JSON");
    }

    @Test
    void oddPcmByteCount() {
        assertThatThrownBy(() -> AudioClip.fromPcm16(new byte[3], 16_000))
                .isInstanceOf(InvalidAudioException.class)
                .hasMessageContaining("even number of bytes")
                .hasMessageEndingWith(HINT);
    }

    @Test
    void tooLong() {
        // a header claiming two hours of 8 kHz audio, with the bytes present
        byte[] data = new byte[2 * 8_000 * 7_201];
        assertInvalid(riff(fmt(Wavs.PCM, 1, 8_000, 16), chunk("data", data))).hasMessageContaining("minutes");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(byte[] wav) {
        return assertThatThrownBy(() -> AudioClip.fromWav(wav))
                .isInstanceOf(InvalidAudioException.class)
                .hasMessageEndingWith(HINT);
    }
}
