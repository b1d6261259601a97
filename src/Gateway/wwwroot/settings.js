// The key and the language, voice and speech pickers: filled from /languages, remembered in localStorage.

const storageKey = name => `speechcluster.${name}`;

export class Settings {
    constructor({ key, from, to, voice, speak, voiceNote }) {
        Object.assign(this, { key, from, to, voice, speak, voiceNote });
        this.key.value = recall('key') || '';
        to.addEventListener('change', () => this.fillVoices());
        for (const input of [from, to, voice, speak]) {
            input.addEventListener('change', () => this.remember());
        }
    }

    /** Fills the pickers from GET /languages (scope speech, text, tts); earlier choices win when still offered. */
    fill(catalog) {
        this.catalog = catalog;
        const speech = Object.entries(catalog.speech || {}).map(([locale, e]) => [locale, `${e.name} (${locale})`]);
        const text = Object.entries(catalog.text || {}).map(([code, e]) => [code, `${e.name} (${code})`]);
        fillSelect(this.from, speech, recall('from') || 'en-US');
        fillSelect(this.to, text, recall('to') || 'es');
        if (recall('speak') !== null) {
            this.speak.checked = recall('speak') === 'true';
        }
        this.fillVoices(recall('voice'));
    }

    /** The voices of the chosen target language; speaking is switched off where none exists. */
    fillVoices(preferred = this.voice.value) {
        const target = this.to.value;
        const voices = Object.entries(this.catalog.tts || {})
            .filter(([, v]) => v.language.toLowerCase() === target.toLowerCase())
            .map(([id, v]) => [id, `${v.displayName} (${v.gender}, ${v.locale})`]);
        fillSelect(this.voice, [['', 'Default voice'], ...voices], preferred || '');
        const mute = voices.length === 0;
        this.voice.disabled = mute;
        this.speak.disabled = mute;
        this.voiceNote.textContent = mute ? `No voice speaks ${this.to.selectedOptions[0]?.textContent ?? target}: translations are shown, not spoken.` : '';
    }

    /** What the conversation asks for; `speak` is false where no voice exists. */
    values() {
        return {
            key: this.key.value.trim(),
            from: this.from.value,
            to: this.to.value,
            voice: this.voice.value,
            speak: this.speak.checked && !this.speak.disabled,
        };
    }

    /** Remembers the choices, and the key once the server has accepted it. */
    remember({ keyAccepted = false } = {}) {
        store('from', this.from.value);
        store('to', this.to.value);
        store('voice', this.voice.value);
        store('speak', String(this.speak.checked));
        if (keyAccepted) {
            store('key', this.key.value.trim());
        }
    }
}

function fillSelect(select, entries, preferred) {
    select.replaceChildren(...entries.map(([value, label]) => new Option(label, value)));
    const match = entries.find(([value]) => value.toLowerCase() === String(preferred).toLowerCase());
    if (match) {
        select.value = match[0];
    }
}

// Storage can be refused (private windows, cookies blocked): the page works without it.
function recall(name) {
    try {
        return localStorage.getItem(storageKey(name));
    } catch {
        return null;
    }
}

function store(name, value) {
    try {
        localStorage.setItem(storageKey(name), value);
    } catch {
        // Not remembered; nothing else depends on it.
    }
}
