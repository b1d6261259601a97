// Plays the spoken translations (complete WAV files) one after another, in the order they came.

export class SpeechPlayer {
    /** Create it from a click handler: browsers only let audio start after a user gesture. */
    constructor() {
        this.context = new AudioContext();
        this.context.resume(); // Safari starts it suspended even inside the gesture
        this.nextStart = 0;
        this.decoding = Promise.resolve();
    }

    /**
     * Queues one WAV file. onState is told 'queued' (with a replay() function), then 'played'
     * when it has been heard, or 'failed' (with the error). Decoding is chained to keep the order.
     */
    enqueue(wav, onState) {
        this.decoding = this.decoding.then(async () => {
            let buffer;
            try {
                buffer = await this.context.decodeAudioData(wav);
            } catch (error) {
                onState('failed', error);
                return;
            }
            const start = Math.max(this.context.currentTime, this.nextStart);
            this.nextStart = start + buffer.duration;
            this.play(buffer, start, onState);
            onState('queued', () => this.play(buffer, this.context.currentTime, () => {}));
        });
    }

    play(buffer, when, onState) {
        const source = this.context.createBufferSource();
        source.buffer = buffer;
        source.connect(this.context.destination);
        source.onended = () => onState('played');
        source.start(when);
    }

    close() {
        this.context.close();
    }
}
