package io.dictum.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamResamplerTest {

    @ParameterizedTest
    @CsvSource({"8000,1000", "44100,4410", "48000,333", "22050,2205", "11025,777", "32000,3200"})
    void piecesGiveTheSameSamplesAsTheWholeSignal(int rate, int piece) {
        Random random = new Random(rate);
        short[] in = new short[rate * 2];
        for (int i = 0; i < in.length; i++) {
            in[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate) + random.nextGaussian() * 500);
        }
        short[] whole = AudioClip.fromPcm16(in, rate).samples();
        StreamResampler stream = new StreamResampler(rate, AudioClip.SAMPLE_RATE);
        short[] joined = new short[0];
        for (int off = 0; off < in.length; off += piece) {
            short[] out = stream.accept(Arrays.copyOfRange(in, off, Math.min(in.length, off + piece)));
            int at = joined.length;
            joined = Arrays.copyOf(joined, at + out.length);
            System.arraycopy(out, 0, joined, at, out.length);
        }
        // everything but the held-back tail (the kernel's half width) is there, sample for sample
        assertThat(joined.length).isGreaterThan(whole.length - 200).isLessThanOrEqualTo(whole.length);
        for (int i = 0; i < joined.length; i++) {
            assertThat(Math.abs(joined[i] - whole[i])).as("sample %d", i).isLessThanOrEqualTo(1);
        }
    }
}
