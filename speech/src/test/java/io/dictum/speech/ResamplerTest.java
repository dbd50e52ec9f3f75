package io.dictum.speech;

import static io.dictum.speech.Signals.dominantFrequency;
import static io.dictum.speech.Signals.floats;
import static io.dictum.speech.Signals.rms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static final double AMPLITUDE = 10_000;

    @ParameterizedTest(name = "{1} Hz sine at {0} Hz keeps its frequency, level and length at 16 kHz")
    @CsvSource({
        "44100, 1000",
        "44100, 440",
        "48000, 3000",
        "22050, 6000",
        "11025, 2500",
        "8000, 1000",
        "8000, 3000",
        "32000, 150",
        "44101, 1000", // no small common divisor with 16000: the per-sample path
    })
    void keepsFrequencyLevelAndLength(int rate, double frequency) {
        float[] in = floats(Wavs.sine(frequency, rate, 2.0, AMPLITUDE));

        float[] out = Resampler.resample(in, rate, 16_000);

        assertThat(out.length).isEqualTo((int) ((long) in.length * 16_000 / rate));
        assertThat((double) out.length / 16_000).isCloseTo((double) in.length / rate, within(1.0 / 8_000));
        int edge = 1_000; // the filter fades in over its half width at the ends
        assertThat(dominantFrequency(out, edge, out.length - edge, 16_000)).isCloseTo(frequency, within(1.0));
        assertThat(rms(out, edge, out.length - edge)).isCloseTo(AMPLITUDE / Math.sqrt(2), within(AMPLITUDE * 0.005));
    }

    @ParameterizedTest(name = "{1} Hz at {0} Hz, above the new Nyquist frequency, does not fold back")
    @CsvSource({
        "44100, 12000", // would alias to 4 kHz
        "44100, 9000",  // would alias to 7 kHz
        "48000, 8500",
        "22050, 10000",
    })
    void suppressesAliasing(int rate, double frequency) {
        float[] in = floats(Wavs.sine(frequency, rate, 1.0, AMPLITUDE));

        float[] out = Resampler.resample(in, rate, 16_000);

        double level = rms(out, 1_000, out.length - 1_000) / (AMPLITUDE / Math.sqrt(2));
        assertThat(20 * Math.log10(level)).as("residual in dB").isLessThan(-70);
    }

    @Test
    void upsamplingLeavesNoImages() {
        float[] in = floats(Wavs.sine(3000, 8000, 1.0, AMPLITUDE));

        float[] out = Resampler.resample(in, 8000, 16_000);

        double signal = Signals.goertzelPower(out, 1_000, out.length - 1_000, 16_000, 3000);
        double image = Signals.goertzelPower(out, 1_000, out.length - 1_000, 16_000, 5000);
        assertThat(10 * Math.log10(image / signal)).isLessThan(-60);
    }

    @ParameterizedTest
    @ValueSource(ints = {8000, 11025, 22050, 44100, 48000})
    void keepsDirectCurrentLevel(int rate) {
        float[] in = new float[rate];
        java.util.Arrays.fill(in, 1234f);

        float[] out = Resampler.resample(in, rate, 16_000);

        for (int i = 500; i < out.length - 500; i++) {
            assertThat(out[i]).isCloseTo(1234f, within(0.05f));
        }
    }

    @Test
    void sameRateIsACopy() {
        float[] in = {1, 2, 3};
        float[] out = Resampler.resample(in, 16_000, 16_000);
        assertThat(out).containsExactly(1, 2, 3).isNotSameAs(in);
    }

    @Test
    void emptyAndTinyInputs() {
        assertThat(Resampler.resample(new float[0], 44_100, 16_000)).isEmpty();
        assertThat(Resampler.resample(new float[] {100}, 8_000, 16_000)).hasSize(2);
        assertThat(Resampler.resample(new float[] {100, 100}, 48_000, 16_000)).isEmpty();
    }

    @Test
    void stereoIsMixedToMonoBeforeResampling() {
        int rate = 44_100;
        short[] left = Wavs.sine(500, rate, 1.0, 8000);
        short[] right = Wavs.sine(500, rate, 1.0, 4000);
        short[] interleaved = new short[left.length * 2];
        for (int i = 0; i < left.length; i++) {
            interleaved[2 * i] = left[i];
            interleaved[2 * i + 1] = right[i];
        }

        AudioClip clip = AudioClip.fromWav(Wavs.pcm16(rate, 2, interleaved));

        assertThat(clip.sourceChannels()).isEqualTo(2);
        assertThat(clip.sourceSampleRate()).isEqualTo(rate);
        assertThat(clip.durationSeconds()).isCloseTo(1.0, within(1.0 / 16_000));
        float[] mono = floats(clip.samples());
        assertThat(dominantFrequency(mono, 1_000, mono.length - 1_000, 16_000)).isCloseTo(500, within(1.0));
        // the average of two in-phase sines of 8000 and 4000 is one of 6000
        assertThat(rms(mono, 1_000, mono.length - 1_000)).isCloseTo(6000 / Math.sqrt(2), within(30.0));
    }

    @Test
    void oppositeChannelsCancel() {
        short[] interleaved = new short[3200];
        for (int i = 0; i < 1600; i++) {
            short v = (short) (i % 2 == 0 ? 9000 : -9000);
            interleaved[2 * i] = v;
            interleaved[2 * i + 1] = (short) -v;
        }
        AudioClip clip = AudioClip.fromWav(Wavs.pcm16(16_000, 2, interleaved));
        assertThat(clip.samples()).containsOnly((short) 0);
    }
}
