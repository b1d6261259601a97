// Streams a WAV file to a SpeechCluster server (or any Microsoft Translator Speech API v1.0 server) at real-time
// pace, prints the partial and final results, and saves the spoken translations. See docs/protocol.md.
//
//   npm ci
//   node example.mjs --url ws://127.0.0.1:5000 --key "$KEY" --from en-US --to es --out tts talk.wav
//
// The file must be 16-bit mono PCM WAV at 8-48 kHz (sox talk.mp3 -b 16 -c 1 talk.wav converts one).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';

const { values: options, positionals: [file] } = parseArgs({
    allowPositionals: true,
    options: {
        url: { type: 'string', default: 'ws://127.0.0.1:5000' },
        key: { type: 'string', default: process.env.SPEECHCLUSTER_KEY },
        from: { type: 'string', default: 'en-US' },
        to: { type: 'string', default: 'es' },
        out: { type: 'string', default: 'tts' },
    },
});
if (!file || !options.key) {
    console.error('usage: node example.mjs [--url ws://host:port] --key KEY [--from en-US] [--to es] [--out DIR] FILE.wav');
    process.exit(2);
}

const wav = readFileSync(file);
const { headerEnd, dataEnd, bytesPerSecond } = readWav(wav);
mkdirSync(options.out, { recursive: true });

const url = new URL('/speech/translate', options.url);
url.search = new URLSearchParams({ 'api-version': '1.0', from: options.from, to: options.to, features: 'Partial,TextToSpeech' });
// Node can send the key as a header; a browser cannot, and puts a token in ?access_token= instead
// (the page in src/Gateway/wwwroot does that). ?subscription-key= works too.
const socket = new WebSocket(url, { headers: { 'Ocp-Apim-Subscription-Key': options.key } });

let lastFinal = null;
let spoken = 0;
socket.on('message', (data, isBinary) => {
    if (!isBinary) {
        const result = JSON.parse(data.toString());
        if (result.type === 'partial') {
            console.log(`  ... ${result.recognition}`);
        } else {
            lastFinal = result.id;
            spoken = 0;
            console.log(`[${result.id}] ${result.recognition}`);
            console.log(`  -> ${options.to}: ${result.translation}`);
        }
        return;
    }
    // With TextToSpeech each final is followed by its spoken translation: one complete WAV file per message.
    const path = join(options.out, `${lastFinal}.${options.to}${spoken++ ? `-${spoken}` : ''}.wav`);
    writeFileSync(path, data);
    console.log(`  audio: ${path} (${data.length} bytes)`);
});
socket.on('unexpected-response', (request, response) => {
    // A refusal before the upgrade: the body is {"error":{"code","message"}}.
    let body = '';
    response.on('data', (chunk) => (body += chunk));
    response.on('end', () => fail(`the server refused the connection: HTTP ${response.statusCode} ${body}`));
});
socket.on('error', (error) => fail(error.message));
socket.on('close', (code, reason) => {
    console.log(`closed: ${code} ${reason}`);
    process.exitCode = code === 1000 ? 0 : 1;
});
socket.on('open', async () => {
    // First the WAV header (everything up to the PCM), then 100 ms of PCM per message, each when it is due.
    socket.send(wav.subarray(0, headerEnd));
    const chunk = (bytesPerSecond / 10) & ~1;
    const start = performance.now();
    for (let offset = headerEnd, n = 0; offset < dataEnd; offset += chunk, n++) {
        await sleep(Math.max(0, start + n * 100 - performance.now()));
        if (socket.readyState !== WebSocket.OPEN) {
            return; // the server closed early; 'close' says why
        }
        socket.send(wav.subarray(offset, Math.min(offset + chunk, dataEnd)));
    }
    // The server finalises the last utterance and sends its results before it answers the Close.
    socket.close(1000);
});

/** Finds the PCM in a RIFF/WAVE file by walking its chunks (there may be LIST and others before 'data'). */
function readWav(bytes) {
    if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
        fail('not a WAV file');
    }
    let bytesPerSecond = 0;
    for (let offset = 12; offset + 8 <= bytes.length; ) {
        const id = bytes.toString('ascii', offset, offset + 4);
        const size = bytes.readUInt32LE(offset + 4);
        if (id === 'fmt ') {
            const [format, channels, bits] = [bytes.readUInt16LE(offset + 8), bytes.readUInt16LE(offset + 10), bytes.readUInt16LE(offset + 22)];
            if (format !== 1 || channels !== 1 || bits !== 16) {
                fail('the server takes 16-bit mono PCM: convert the file first (sox in.wav -b 16 -c 1 out.wav)');
            }
            bytesPerSecond = bytes.readUInt32LE(offset + 16);
        } else if (id === 'data' && bytesPerSecond) {
            // A file written while recording may say 0 (or more than there is): send what is there.
            const headerEnd = offset + 8;
            return { headerEnd, dataEnd: Math.min(size ? headerEnd + size : bytes.length, bytes.length), bytesPerSecond };
        }
        offset += 8 + size + (size & 1); // chunks are padded to an even size
    }
    fail("no 'fmt ' and 'data' chunks in the WAV file");
}

function fail(message) {
    console.error(`example: ${message}`);
    process.exit(1);
}
