// The server's HTTP side and the WebSocket protocol (docs/protocol.md), in the browser.

/** Thrown for an HTTP refusal: `message` is the server's own explanation. */
export class ServiceError extends Error {}

/** GET /languages: { speech, text, tts } maps. No key needed. */
export async function fetchLanguages() {
    const response = await send('languages?api-version=1.0&scope=speech,text,tts', {},
        'The list of languages could not be loaded');
    return response.json();
}

/** POST /sts/v1.0/issueToken: exchanges the subscription key for a 10-minute access token. */
export async function issueToken(key) {
    const response = await send('sts/v1.0/issueToken', { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': key } },
        'The subscription key was not accepted');
    return response.text();
}

async function send(path, init, failure) {
    let response;
    try {
        response = await fetch(new URL(path, document.baseURI), init);
    } catch {
        throw new ServiceError(`${failure}: the server at ${location.host} cannot be reached. Is it running?`);
    }
    if (!response.ok) {
        throw new ServiceError(`${failure}: ${await errorMessage(response)}`);
    }
    return response;
}

/** The message of the server's {"error":{"code","message"}} body, or the HTTP status. */
async function errorMessage(response) {
    try {
        const body = await response.json();
        if (body && body.error && body.error.message) {
            return `${body.error.message} (HTTP ${response.status})`;
        }
    } catch {
        // Not the server's JSON (a proxy's page, say): the status is all there is.
    }
    return `HTTP ${response.status} ${response.statusText}`.trim();
}

/** The /speech/translate address. Browsers cannot set headers on a WebSocket: the token goes in the query. */
export function translateUrl({ from, to, voice, speak, token }) {
    const url = new URL('speech/translate', document.baseURI);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('api-version', '1.0');
    url.searchParams.set('from', from);
    url.searchParams.set('to', to);
    url.searchParams.set('features', speak ? 'Partial,TextToSpeech' : 'Partial');
    if (speak && voice) {
        url.searchParams.set('voice', voice);
    }
    url.searchParams.set('access_token', token);
    return url.href;
}

/** The 44-byte header that starts the audio: 16-bit mono PCM; sizes 0, as the length is not known. */
export function wavHeader(sampleRate) {
    const view = new DataView(new ArrayBuffer(44));
    const ascii = (offset, text) => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
    ascii(0, 'RIFF');
    view.setUint32(4, 0, true);
    ascii(8, 'WAVE');
    ascii(12, 'fmt ');
    view.setUint32(16, 16, true);
    view.setUint16(20, 1, true);              // PCM
    view.setUint16(22, 1, true);              // mono
    view.setUint32(24, sampleRate, true);
    view.setUint32(28, sampleRate * 2, true); // bytes per second
    view.setUint16(32, 2, true);              // bytes per frame
    view.setUint16(34, 16, true);             // bits per sample
    ascii(36, 'data');
    view.setUint32(40, 0, true);
    return view.buffer;
}

/** A close code and reason (docs/protocol.md, "Closing") in plain words; null for a normal end. */
export function describeClose(code, reason, opened) {
    const because = reason ? `: ${reason}` : '.';
    switch (code) {
        case 1000:
            return null;
        case 1001:
            return 'The server is shutting down. Start again in a moment.';
        case 1003:
            return `The server could not use what this page sent${because} (close code 1003)`;
        case 1009:
            return `A message was too large for the server${because} (close code 1009)`;
        case 1011:
            return `The server hit an internal error${because} Press Start to try again. (close code 1011)`;
        case 1006:
            return opened
                ? 'The connection to the server was lost (no closing handshake): the network dropped or the server stopped. (close code 1006)'
                : 'The server refused the connection. The key and the languages were accepted a moment ago, so the ' +
                  'choice of languages or voice may no longer be offered (reload the page), or a proxy in between ' +
                  'does not pass WebSockets. (close code 1006)';
        default:
            return `The connection closed with code ${code}${because}`;
    }
}
