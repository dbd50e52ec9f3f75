package io.dictum.speech;

/** Measurements on sampled signals for the resampler tests. */
final class Signals {

    private Signals() {
    }

    /** Root mean square of s[from..to). */
    static double rms(float[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    static double rms(short[] s, int from, int to) {
        float[] f = new float[to - from];
        for (int i = from; i < to; i++) {
            f[i - from] = s[i];
        }
        return rms(f, 0, f.length);
    }

    /**
     * The dominant frequency of s[from..to) at {@code rate}, from the Goertzel power scanned in
     * 1 Hz steps around a coarse zero-crossing estimate.
     */
    static double dominantFrequency(float[] s, int from, int to, int rate) {
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if ((s[i - 1] < 0) != (s[i] < 0)) {
                crossings++;
            }
        }
        double estimate = crossings / 2.0 * rate / (to - from);
        double best = estimate;
        double bestPower = -1;
        for (double f = Math.max(1, estimate - 50); f <= estimate + 50; f += 0.5) {
            double p = goertzelPower(s, from, to, rate, f);
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        return best;
    }

    static double goertzelPower(float[] s, int from, int to, int rate, double frequency) {
        double w = 2 * Math.PI * frequency / rate;
        double coeff = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s0 = s[i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coeff * s1 * s2;
    }

    static float[] floats(short[] s) {
        float[] f = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            f[i] = s[i];
        }
        return f;
    }
}
