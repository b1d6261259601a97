// The microphone as a stream of 100 ms chunks of 16-bit mono PCM.

/** Why the microphone cannot be used here, in words for the user; null when it can. */
export function microphoneUnavailableReason() {
    if (!window.isSecureContext) {
        return 'Browsers allow the microphone only on https:// pages or on http://localhost and http://127.0.0.1. ' +
            `This page was opened as ${location.origin}: open it on the server's own machine, or put the server behind HTTPS.`;
    }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        return 'This browser cannot capture the microphone (no getUserMedia). Use a current Chrome, Edge, Firefox or Safari.';
    }
    if (!window.AudioContext || !window.AudioWorkletNode) {
        return 'This browser lacks AudioWorklet, which the page needs to read the microphone. Use a current browser.';
    }
    return null;
}

/** What a getUserMedia or AudioContext failure means, in words for the user. */
export function describeMicrophoneError(error) {
    switch (error && error.name) {
        case 'NotAllowedError':
        case 'SecurityError':
            return 'Microphone access was denied. Allow the microphone for this site (the icon in the address bar) and press Start again.';
        case 'NotFoundError':
        case 'OverconstrainedError':
            return 'No microphone was found. Connect one and press Start again.';
        case 'NotReadableError':
        case 'AbortError':
            return 'The microphone is in use by another program or could not be started. Close that program and press Start again.';
        default:
            return `The microphone could not be started: ${error && error.message ? error.message : error}`;
    }
}

/**
 * Opens the microphone. Calls onChunk(ArrayBuffer of PCM) every 100 ms and onLevel(0..1).
 * The capture runs at 16 kHz where the browser allows it, otherwise at the device's rate
 * (the server resamples 8-48 kHz): `sampleRate` says which. Call close() to release the device.
 */
export async function openMicrophone(onChunk, onLevel) {
    const stream = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });
    try {
        const context = await createCaptureContext(stream);
        await context.audioWorklet.addModule('pcm-capture-worklet.js');
        const source = context.createMediaStreamSource(stream);
        const node = new AudioWorkletNode(context, 'pcm-capture', {
            numberOfInputs: 1,
            numberOfOutputs: 1,
            channelCount: 1,
            channelCountMode: 'explicit',
            processorOptions: { chunkSamples: Math.round(context.sampleRate / 10) },
        });
        node.port.onmessage = event => {
            onChunk(event.data.pcm);
            onLevel(event.data.level);
        };
        // Connected to the destination so that the graph pulls it; the processor outputs silence.
        source.connect(node).connect(context.destination);
        await context.resume();
        let closed = false;
        return {
            sampleRate: context.sampleRate,
            /** Releases the device; safe to call more than once. */
            close() {
                if (closed) {
                    return;
                }
                closed = true;
                node.port.onmessage = null;
                source.disconnect();
                node.disconnect();
                stream.getTracks().forEach(track => track.stop());
                context.close();
            },
        };
    } catch (error) {
        stream.getTracks().forEach(track => track.stop());
        throw error;
    }
}

/** A 16 kHz context; some browsers (Firefox) refuse a stream at another rate, so fall back to the device's. */
async function createCaptureContext(stream) {
    const context = new AudioContext({ sampleRate: 16000 });
    try {
        context.createMediaStreamSource(stream).disconnect();
        return context;
    } catch {
        await context.close();
        return new AudioContext();
    }
}
