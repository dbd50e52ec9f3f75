package io.dictum.speech;

import java.util.Arrays;

/**
 * {@link Resampler} for audio that arrives in pieces: keeps enough of the input to give every output sample its
 * full kernel, so the result equals resampling the whole stream at once (up to a delay of a few milliseconds, the
 * kernel's half width, which is held back until the following input arrives). Not thread-safe.
 */
final class StreamResampler {

    private final int inRate;
    private final int outRate;
    /** Input samples per period of the output grid: the buffer always starts at a multiple of this. */
    private final int down;
    private final int up;
    private final int halfWidth;
    private float[] buffer = new float[0];
    /** Global index of buffer[0]. */
    private long bufferStart;
    /** Global index of the next output sample. */
    private long nextOut;

    StreamResampler(int inRate, int outRate) {
        this.inRate = inRate;
        this.outRate = outRate;
        int g = gcd(inRate, outRate);
        this.down = inRate / g;
        this.up = outRate / g;
        this.halfWidth = Resampler.halfWidth(inRate, outRate);
    }

    /** Takes the next input samples and answers the output samples that are now complete. */
    short[] accept(short[] in) {
        float[] grown = Arrays.copyOf(buffer, buffer.length + in.length);
        for (int i = 0; i < in.length; i++) {
            grown[buffer.length + i] = in[i];
        }
        buffer = grown;
        long available = bufferStart + buffer.length;
        // output n sits at input position n * down / up and needs input up to that + halfWidth
        long last = Math.floorDiv((available - 1 - halfWidth) * up, down); // the last complete output
        if (last < nextOut) {
            return new short[0];
        }
        float[] all = Resampler.resample(buffer, inRate, outRate);
        long firstLocal = bufferStart * up / down;
        int from = (int) (nextOut - firstLocal);
        int to = (int) Math.min(all.length, last + 1 - firstLocal);
        short[] out = new short[Math.max(0, to - from)];
        for (int i = 0; i < out.length; i++) {
            long v = Math.round(all[from + i]);
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        nextOut += out.length;
        // keep what the next outputs' kernels reach back to, starting on the output grid
        long needed = Math.floorDiv(nextOut * down, up) - halfWidth - 1;
        long newStart = Math.max(bufferStart, Math.floorDiv(Math.max(0, needed), down) * down);
        if (newStart > bufferStart) {
            buffer = Arrays.copyOfRange(buffer, (int) (newStart - bufferStart), buffer.length);
            bufferStart = newStart;
        }
        return out;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
