package io.dictum.speech;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Band-limited sample-rate conversion by windowed-sinc interpolation (the "bandlimited
 * interpolation" method of J. O. Smith, as in resample/libsamplerate): every output sample is
 * a weighted sum of the input samples around its exact position in the input, with weights
 * from a Kaiser-windowed sinc whose cutoff is just below the lower of the two Nyquist
 * frequencies. The kernel is tabulated once and linearly interpolated, so any pair of rates
 * works with the same code and no rounding drift (positions are computed as exact fractions).
 *
 * <p>Why this is good enough for speech recognition: the model's features (Kaldi MFCCs, see
 * the model's {@code conf/mfcc.conf}) look at 20 Hz to 7600 Hz of 16 kHz audio. Downsampling
 * (measured in ResamplerTest and by hand): flat to 7 kHz, -0.7 dB at 7.3 kHz, -6 dB at 7.6 kHz,
 * and anything from 8 kHz up is more than 75 dB down, so nothing audible folds back into the
 * band the recogniser uses; only the top mel band, where speech has little energy, is slightly
 * dimmed. A plain decimator or linear interpolation would fold the 8-22 kHz content of a
 * 44.1 kHz recording straight into that band. Upsampling telephone audio (8 kHz): the
 * 300-3400 Hz speech band passes unchanged and the images above 4 kHz are more than 60 dB
 * down. The kernel is symmetric (linear phase), so word timings are not shifted. It costs
 * about 2.5 ms per second of 44.1 kHz audio, small next to decoding.
 */
final class Resampler {

    /** Zero crossings of the sinc on each side: sets the transition band width. */
    private static final int ZERO_CROSSINGS = 32;
    /** Kernel table resolution: samples per zero crossing. */
    private static final int TABLE_RESOLUTION = 256;
    /** Kaiser window shape: about 80 dB stopband attenuation. */
    private static final double KAISER_BETA = 8.0;
    /** Cutoff as a fraction of the lower Nyquist frequency. */
    private static final double ROLLOFF = 0.95;

    /**
     * Most rate pairs have few distinct phases (44.1 kHz to 16 kHz has 160, 8 kHz to 16 kHz has 2):
     * their weights are tabulated once per pair; other pairs are computed sample by sample.
     */
    private static final int MAX_PHASES = 4096;
    private static final int MAX_TABLES = 64;
    private static final ConcurrentHashMap<Long, Polyphase> TABLES = new ConcurrentHashMap<>();

    /** sinc(x) * kaiser(x) for x = i / TABLE_RESOLUTION zero crossings, i in 0..ZERO_CROSSINGS*RES, plus a 0 guard. */
    private static final float[] KERNEL = buildKernel();

    private Resampler() {
    }

    /** Converts mono samples (any scale) from {@code inRate} to {@code outRate}; output length is floor(n * outRate / inRate). */
    static float[] resample(float[] in, int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("rates must be positive");
        }
        if (inRate == outRate) {
            return in.clone();
        }
        int outLength = (int) ((long) in.length * outRate / inRate);
        float[] out = new float[outLength];
        Polyphase table = polyphase(inRate, outRate);
        if (table != null) {
            table.apply(in, out, inRate, outRate);
        } else {
            direct(in, out, inRate, outRate);
        }
        return out;
    }

    /** How many input samples on each side of an output sample's position its kernel reaches. */
    static int halfWidth(int inRate, int outRate) {
        return (int) Math.ceil(ZERO_CROSSINGS / (2.0 * cutoff(inRate, outRate))) + 1;
    }

    /** Cutoff in cycles per input sample. */
    private static double cutoff(int inRate, int outRate) {
        return 0.5 * ROLLOFF * Math.min(1.0, (double) outRate / inRate);
    }

    /** Kernel weight at distance {@code x} input samples, for a kernel scaled by {@code scale}. */
    private static double weight(double x, double scale) {
        double t = Math.abs(x) * scale * TABLE_RESOLUTION;
        int i = (int) t;
        if (i >= ZERO_CROSSINGS * TABLE_RESOLUTION) {
            return 0;
        }
        double f = t - i;
        return KERNEL[i] + f * (KERNEL[i + 1] - KERNEL[i]);
    }

    /** Any ratio: kernel weights are looked up for every output sample. */
    private static void direct(float[] in, float[] out, int inRate, int outRate) {
        double scale = 2.0 * cutoff(inRate, outRate);
        double halfWidth = ZERO_CROSSINGS / scale;
        for (int n = 0; n < out.length; n++) {
            long position = (long) n * inRate;           // the exact input position is position / outRate
            int center = (int) (position / outRate);
            double t = center + (double) (position % outRate) / outRate;
            int lo = (int) Math.ceil(t - halfWidth);
            int hi = (int) Math.floor(t + halfWidth);
            double sum = 0;
            double weights = 0;
            for (int k = lo; k <= hi; k++) {
                double w = weight(t - k, scale);
                weights += w;
                if (k >= 0 && k < in.length) {
                    sum += w * in[k];
                }
            }
            // normalising by the weight sum keeps the DC gain exactly 1 whatever the phase
            out[n] = weights > 0 ? (float) (sum / weights) : 0f;
        }
    }

    private static Polyphase polyphase(int inRate, int outRate) {
        int g = gcd(inRate, outRate);
        int phases = outRate / g;
        if (phases > MAX_PHASES) {
            return null;
        }
        long key = (long) inRate << 32 | outRate;
        Polyphase table = TABLES.get(key);
        if (table == null) {
            table = new Polyphase(inRate, outRate, phases);
            if (TABLES.size() < MAX_TABLES) {
                TABLES.putIfAbsent(key, table);
            }
        }
        return table;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Normalised weights for each phase of a rational ratio; output n uses phase (n * inRate) mod outRate. */
    private static final class Polyphase {
        final int gcd;
        final int[] first;       // offset of the first tap from the centre sample, per phase
        final float[][] weights; // per phase

        Polyphase(int inRate, int outRate, int phases) {
            this.gcd = outRate / phases;
            double scale = 2.0 * cutoff(inRate, outRate);
            double halfWidth = ZERO_CROSSINGS / scale;
            first = new int[phases];
            weights = new float[phases][];
            for (int p = 0; p < phases; p++) {
                double frac = (double) p / phases;
                int lo = (int) Math.ceil(frac - halfWidth);
                int hi = (int) Math.floor(frac + halfWidth);
                double[] w = new double[hi - lo + 1];
                double sum = 0;
                for (int k = lo; k <= hi; k++) {
                    w[k - lo] = weight(frac - k, scale);
                    sum += w[k - lo];
                }
                float[] normalised = new float[w.length];
                for (int j = 0; j < w.length; j++) {
                    normalised[j] = (float) (w[j] / sum);
                }
                first[p] = lo;
                weights[p] = normalised;
            }
        }

        void apply(float[] in, float[] out, int inRate, int outRate) {
            int up = outRate / gcd;      // phases
            int down = inRate / gcd;
            for (int n = 0; n < out.length; n++) {
                long position = (long) n * down;
                int center = (int) (position / up);
                int phase = (int) (position % up);
                float[] w = weights[phase];
                int start = center + first[phase];
                double sum = 0;
                if (start >= 0 && start + w.length <= in.length) {
                    for (int j = 0; j < w.length; j++) {
                        sum += w[j] * in[start + j];
                    }
                } else {
                    for (int j = 0; j < w.length; j++) {
                        int k = start + j;
                        if (k >= 0 && k < in.length) {
                            sum += w[j] * in[k];
                        }
                    }
                }
                out[n] = (float) sum;
            }
        }
    }

    private static float[] buildKernel() {
        int n = ZERO_CROSSINGS * TABLE_RESOLUTION;
        float[] table = new float[n + 2];
        double i0Beta = besselI0(KAISER_BETA);
        for (int i = 0; i <= n; i++) {
            double x = (double) i / TABLE_RESOLUTION;             // in zero crossings
            double sinc = i == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = x / ZERO_CROSSINGS;
            double window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            table[i] = (float) (sinc * window);
        }
        table[n + 1] = 0f;
        return table;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 50; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
        }
        return sum;
    }
}
