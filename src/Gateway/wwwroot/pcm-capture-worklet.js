// AudioWorklet processor: turns the microphone's float samples into 16-bit PCM chunks of
// `chunkSamples` (100 ms at the context's rate) and posts each to the page with its RMS level.
// Runs on the audio rendering thread: no allocation per block except when a chunk is handed over.
class PcmCaptureProcessor extends AudioWorkletProcessor {
    constructor(options) {
        super();
        this.chunkSamples = options.processorOptions.chunkSamples;
        this.chunk = new Int16Array(this.chunkSamples);
        this.filled = 0;
        this.sumOfSquares = 0;
    }

    process(inputs) {
        // The node is mono (channelCountMode "explicit"): the graph has already mixed down.
        const samples = inputs[0] && inputs[0][0];
        if (samples) {
            for (let i = 0; i < samples.length; i++) {
                const sample = Math.max(-1, Math.min(1, samples[i]));
                this.sumOfSquares += sample * sample;
                this.chunk[this.filled++] = sample < 0 ? sample * 0x8000 : sample * 0x7fff;
                if (this.filled === this.chunkSamples) {
                    this.flush();
                }
            }
        }
        return true;
    }

    flush() {
        const level = Math.sqrt(this.sumOfSquares / this.chunkSamples);
        this.port.postMessage({ pcm: this.chunk.buffer, level }, [this.chunk.buffer]);
        this.chunk = new Int16Array(this.chunkSamples);
        this.filled = 0;
        this.sumOfSquares = 0;
    }
}

registerProcessor('pcm-capture', PcmCaptureProcessor);
