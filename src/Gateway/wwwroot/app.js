// The page: settings, Start/Stop, one conversation over /speech/translate at a time.
import { describeMicrophoneError, microphoneUnavailableReason, openMicrophone } from './microphone.js';
import { describeClose, fetchLanguages, issueToken, ServiceError, translateUrl, wavHeader } from './service.js';
import { Settings } from './settings.js';
import { SpeechPlayer } from './speech-player.js';
import { Transcript } from './transcript.js';

const element = id => document.getElementById(id);
const ui = {
    form: element('settings'), choices: element('choices'), start: element('start'), stop: element('stop'),
    status: element('status'), error: element('error'), level: element('level'),
};
const settings = new Settings({
    key: element('key'), from: element('from'), to: element('to'),
    voice: element('voice'), speak: element('speak'), voiceNote: element('voice-note'),
});
const transcript = new Transcript({
    liveRecognition: element('live-recognition'), liveTranslation: element('live-translation'), finals: element('finals'),
});

// After Stop, results of the open sentence still come; the socket closes once they have (or after this long).
const finishTimeoutMs = 10000;
const quietBeforeCloseMs = 800;

let conversation = null;
let player = null;

function setStatus(text, state) {
    ui.status.textContent = text;
    document.body.dataset.state = state;
    ui.start.disabled = state !== 'idle';
    ui.stop.disabled = state !== 'listening';
    ui.choices.disabled = state !== 'idle' && state !== 'broken';
}

function showError(message) {
    ui.error.textContent = message;
    ui.error.hidden = !message;
}

async function start() {
    showError('');
    const choice = settings.values();
    if (!choice.key) {
        showError('Enter the subscription key first (./run prints the development key).');
        settings.key.focus();
        return;
    }
    setStatus('Checking the key…', 'starting');
    player?.close();
    player = choice.speak ? new SpeechPlayer() : null; // made inside the click: browsers allow audio then
    let microphone = null;
    try {
        const token = await issueToken(choice.key);
        settings.remember({ keyAccepted: true });
        setStatus('Opening the microphone…', 'starting');
        const pending = [];
        microphone = await openMicrophone(
            pcm => (conversation?.opened ? conversation.socket.send(pcm) : pending.push(pcm)),
            level => { ui.level.value = Math.min(1, level * 4); });
        connect(choice, token, microphone, pending);
    } catch (error) {
        microphone?.close();
        const known = error instanceof ServiceError;
        showError(known ? error.message : describeMicrophoneError(error));
        setStatus('Not started.', 'idle');
    }
}

function connect(choice, token, microphone, pending) {
    transcript.setLanguages(choice.from, choice.to);
    transcript.startConversation();
    const socket = new WebSocket(translateUrl({ ...choice, token }));
    socket.binaryType = 'arraybuffer';
    conversation = { socket, microphone, choice, opened: false, openUtterance: false, lastActivity: 0, timer: 0 };
    setStatus('Connecting…', 'starting');
    socket.onopen = () => {
        conversation.opened = true;
        socket.send(wavHeader(microphone.sampleRate));
        pending.splice(0).forEach(pcm => socket.send(pcm));
        setStatus('Listening: speak now.', 'listening');
    };
    socket.onmessage = event => onMessage(event.data);
    socket.onclose = event => onClosed(event);
}

function onMessage(data) {
    conversation.lastActivity = performance.now();
    if (typeof data !== 'string') {
        player?.enqueue(data, transcript.attachAudio());
        return;
    }
    const message = JSON.parse(data);
    if (message.type === 'partial') {
        conversation.openUtterance = true;
        transcript.showPartial(message);
    } else if (message.type === 'final') {
        conversation.openUtterance = false;
        transcript.addFinal(message, conversation.choice.speak);
    }
}

function stop() {
    if (conversation?.opened !== true || document.body.dataset.state !== 'listening') {
        return;
    }
    const current = conversation;
    current.microphone.close();
    ui.level.value = 0;
    // A browser drops messages that arrive after its Close, so ask for the open sentence now and wait for it.
    current.socket.send(JSON.stringify({ type: 'flush' }));
    setStatus('Finishing the last sentence…', 'finishing');
    const deadline = performance.now() + finishTimeoutMs;
    current.lastActivity = performance.now();
    current.timer = setInterval(() => {
        const settled = !current.openUtterance && !transcript.waitingForAudio
            && performance.now() - current.lastActivity >= quietBeforeCloseMs;
        if (settled || performance.now() > deadline) {
            clearInterval(current.timer);
            current.socket.close(1000);
        }
    }, 100);
}

function onClosed(event) {
    const ended = conversation;
    conversation = null;
    clearInterval(ended.timer);
    ended.microphone.close();
    ui.level.value = 0;
    const problem = describeClose(event.code, event.reason, ended.opened);
    if (problem) {
        showError(problem);
    }
    const status = !ended.opened ? 'Not started.' : problem ? 'Stopped by the server.' : 'Stopped. Press Start to speak again.';
    setStatus(status, 'idle');
}

async function initialise() {
    ui.stop.addEventListener('click', stop);
    ui.form.addEventListener('submit', event => { event.preventDefault(); start(); });
    setStatus('Loading the languages…', 'loading');
    const unsupported = !('WebSocket' in window)
        ? 'This browser has no WebSocket support, which the page needs to talk to the server. Use a current browser.'
        : microphoneUnavailableReason();
    try {
        settings.fill(await fetchLanguages());
    } catch (error) {
        showError(error.message);
        setStatus('Not ready: the languages could not be loaded. Reload the page to try again.', 'broken');
        return;
    }
    if (unsupported) {
        showError(unsupported);
        setStatus('Not available in this browser.', 'broken');
        return;
    }
    setStatus('Ready: enter the key, choose the languages and press Start.', 'idle');
}

initialise();
