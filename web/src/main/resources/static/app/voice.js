// Voice: microphone → AudioWorklet (16 kHz mono 16-bit PCM) → the speech stream WebSocket (live words, commands
// and dictation) or a WAV blob.

export const TARGET_RATE = 16000;
const WORKLET_URL = new URL('./pcm-recorder-worklet.js', import.meta.url);

export class Recorder {
  /**
   * Opens the microphone and starts collecting samples, passing each 100 ms chunk to onSamples as it comes.
   * Rejects with a readable message when it cannot.
   */
  async start(onSamples = () => {}) {
    if (!navigator.mediaDevices?.getUserMedia || !window.AudioWorkletNode) {
      throw new Error('This browser cannot record audio here. Type the command instead.');
    }
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
      });
    } catch (e) {
      throw new Error(e?.name === 'NotAllowedError'
        ? 'Dictum may not use the microphone. Allow it in the browser, or type the command instead.'
        : `No microphone could be opened (${e?.message || e}). Type the command instead.`);
    }
    this.samples = [];
    try {
      this.context = new AudioContext();
      await this.context.audioWorklet.addModule(WORKLET_URL);
      this.source = this.context.createMediaStreamSource(this.stream);
      this.node = new AudioWorkletNode(this.context, 'pcm-recorder', {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [1],
        processorOptions: { targetRate: TARGET_RATE },
      });
      this.stopped = new Promise((resolve) => {
        this.node.port.onmessage = (event) => {
          if (event.data.type === 'pcm') {
            this.samples.push(event.data.samples);
            onSamples(event.data.samples);
          }
          else if (event.data.type === 'stopped') resolve();
        };
      });
      this.source.connect(this.node);
      // The node writes no output (silence); connecting it keeps the graph pulling it in every browser.
      this.node.connect(this.context.destination);
      if (this.context.state === 'suspended') await this.context.resume();
    } catch (e) {
      this.release();
      throw new Error(`Recording could not start (${e?.message || e}). Type the command instead.`);
    }
  }

  /** Stops recording and returns the audio as a WAV blob. */
  async stop() {
    if (!this.node) return null;
    this.node.port.postMessage('stop');
    await Promise.race([this.stopped, new Promise((resolve) => setTimeout(resolve, 1000))]);
    this.release();
    return encodeWav(this.samples, TARGET_RATE);
  }

  /** Frees the microphone and the audio graph. */
  release() {
    try { this.source?.disconnect(); } catch { /* already disconnected */ }
    try { this.node?.disconnect(); } catch { /* already disconnected */ }
    this.stream?.getTracks().forEach((t) => t.stop());
    this.context?.close().catch(() => {});
    this.node = null;
    this.source = null;
    this.stream = null;
    this.context = null;
  }
}

/**
 * One conversation with /api/v1/speech/stream: PCM goes out as it is recorded; partial words, final results, command
 * results, the growing dictation and mode switches come back to the handlers in `on` (partial, final, command,
 * dictation, note, mode, error). finish() sends eof and resolves once the server has answered everything and closed.
 */
export class VoiceStream {
  constructor({ token, mode, caseId, on }) {
    const params = new URLSearchParams({ token, mode });
    if (caseId) params.set('caseId', caseId);
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.url = `${scheme}//${location.host}/api/v1/speech/stream?${params}`;
    this.on = on;
    this.seconds = 0;
  }

  /** Resolves when the socket is open; rejects with a readable message when it cannot be. */
  open() {
    this.socket = new WebSocket(this.url);
    this.socket.binaryType = 'arraybuffer';
    this.closed = new Promise((resolve) => {
      this.socket.addEventListener('close', (event) => resolve(event));
    });
    this.socket.addEventListener('message', (event) => this.dispatch(event.data));
    return new Promise((resolve, reject) => {
      this.socket.addEventListener('open', () => resolve(), { once: true });
      this.socket.addEventListener('error', () => reject(new Error(
        'The speech service could not be reached. Check the connection, or type the command instead.')), { once: true });
    });
  }

  dispatch(data) {
    let message;
    try { message = JSON.parse(data); } catch { return; }
    const call = (name, value) => this.on[name]?.(value);
    if ('partial' in message) call('partial', message.partial);
    else if ('text' in message) call('final', message.text);
    else if (message.command) call('command', message.command);
    else if (message.dictation) call('dictation', message.dictation.text);
    else if (message.note) call('note', message.note);
    else if (message.mode) call('mode', message.mode);
    else if (message.error) call('error', message.error);
  }

  /** Sends a chunk of 16 kHz samples (dropped once the socket has closed). */
  send(samples) {
    if (this.socket?.readyState !== WebSocket.OPEN) return;
    this.seconds += samples.length / TARGET_RATE;
    this.socket.send(samples.buffer.slice(samples.byteOffset, samples.byteOffset + samples.byteLength));
  }

  /** Ends the audio; resolves with the close event once every answer has arrived (or after timeoutMs). */
  async finish(timeoutMs = 15000) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send('{"eof":1}');
    return Promise.race([this.closed, new Promise((resolve) => setTimeout(() => resolve(null), timeoutMs))])
      .finally(() => this.close());
  }

  close() {
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) this.socket.close(1000);
  }
}

/** A RIFF/WAVE file of 16-bit little-endian mono PCM from Int16Array chunks. */
export function encodeWav(chunks, sampleRate) {
  const length = chunks.reduce((n, c) => n + c.length, 0);
  const buffer = new ArrayBuffer(44 + length * 2);
  const view = new DataView(buffer);
  const ascii = (offset, text) => { for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i)); };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + length * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);           // fmt chunk size
  view.setUint16(20, 1, true);            // PCM
  view.setUint16(22, 1, true);            // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true);            // block align
  view.setUint16(34, 16, true);           // bits per sample
  ascii(36, 'data');
  view.setUint32(40, length * 2, true);
  let offset = 44;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++, offset += 2) view.setInt16(offset, chunk[i], true);
  }
  return new Blob([buffer], { type: 'audio/wav' });
}
