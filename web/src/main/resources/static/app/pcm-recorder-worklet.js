// AudioWorklet processor: mixes the microphone to mono, downsamples it to 16 kHz by averaging each output sample's
// span of input samples (a box low-pass, enough for speech), and posts 16-bit PCM to the page in 100 ms chunks.
// Loaded with audioWorklet.addModule; runs on the audio rendering thread.

const CHUNK = 1600; // 100 ms at 16 kHz

class PcmRecorderProcessor extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const target = options?.processorOptions?.targetRate || 16000;
    this.ratio = sampleRate / target; // input samples per output sample (3 at 48 kHz, 2.75625 at 44.1 kHz)
    this.position = 0;
    this.sum = 0;
    this.count = 0;
    this.buffer = new Int16Array(CHUNK);
    this.filled = 0;
    this.running = true;
    this.port.onmessage = (event) => {
      if (event.data === 'stop') {
        this.flush();
        this.running = false;
        this.port.postMessage({ type: 'stopped' });
      }
    };
  }

  push(value) {
    const s = Math.max(-1, Math.min(1, value));
    this.buffer[this.filled++] = s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
    if (this.filled === CHUNK) this.flush();
  }

  flush() {
    if (this.filled === 0) return;
    const chunk = this.buffer.slice(0, this.filled);
    this.port.postMessage({ type: 'pcm', samples: chunk }, [chunk.buffer]);
    this.filled = 0;
  }

  process(inputs) {
    if (!this.running) return false;
    const input = inputs[0];
    if (input && input.length > 0) {
      const channels = input.length;
      const frames = input[0].length;
      for (let i = 0; i < frames; i++) {
        let mono = 0;
        for (let c = 0; c < channels; c++) mono += input[c][i];
        this.sum += mono / channels;
        this.count++;
        this.position += 1;
        if (this.position >= this.ratio) {
          this.position -= this.ratio;
          this.push(this.sum / this.count);
          this.sum = 0;
          this.count = 0;
        }
      }
    }
    return true;
  }
}

registerProcessor('pcm-recorder', PcmRecorderProcessor);
