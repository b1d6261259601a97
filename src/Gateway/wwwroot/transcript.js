// What was said and its translation: the live caption of the open sentence and the list of finals.

export class Transcript {
    constructor({ liveRecognition, liveTranslation, finals }) {
        this.liveRecognition = liveRecognition;
        this.liveTranslation = liveTranslation;
        this.finals = finals;
        this.awaitingAudio = [];
    }

    /** Languages of the conversation, so that screen readers pronounce each line right. */
    setLanguages(from, to) {
        this.from = from;
        this.to = to;
        this.liveRecognition.lang = from;
        this.liveTranslation.lang = to;
    }

    showPartial(message) {
        this.liveRecognition.textContent = message.recognition;
        this.liveTranslation.textContent = message.translation || '';
    }

    /** Adds a final to the list; with `speak`, it then waits for its spoken translation (attachAudio). */
    addFinal(message, speak) {
        this.liveRecognition.textContent = '';
        this.liveTranslation.textContent = '';
        if (!message.recognition) {
            return; // nothing recognized in that stretch of sound: nothing to show
        }
        const item = document.createElement('li');
        item.dataset.id = message.id;
        item.append(line('recognition', message.recognition, this.from), line('translation', message.translation || '', this.to));
        this.finals.append(item);
        item.scrollIntoView({ block: 'nearest' });
        if (speak && message.translation) {
            item.dataset.audio = 'waiting';
            this.awaitingAudio.push(item);
        }
    }

    /** The spoken translation of the oldest final still waiting for one; returns a state callback for the player. */
    attachAudio() {
        const item = this.awaitingAudio.shift();
        return (state, detail) => {
            if (!item) {
                return;
            }
            item.dataset.audio = state;
            if (state === 'queued') {
                const replay = document.createElement('button');
                replay.type = 'button';
                replay.className = 'replay';
                replay.textContent = 'Play again';
                replay.setAttribute('aria-label', `Play the translation again: ${item.querySelector('.translation').textContent}`);
                replay.addEventListener('click', detail);
                item.append(replay);
            }
        };
    }

    get waitingForAudio() {
        return this.awaitingAudio.length > 0;
    }

    /** A new conversation: earlier finals stay listed, but none of them waits for audio any more. */
    startConversation() {
        this.liveRecognition.textContent = '';
        this.liveTranslation.textContent = '';
        this.awaitingAudio = [];
    }
}

function line(className, text, lang) {
    const paragraph = document.createElement('p');
    paragraph.className = className;
    paragraph.lang = lang;
    paragraph.textContent = text;
    return paragraph;
}
