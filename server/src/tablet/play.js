// Språktrappan's play buttons (issue 13). Plain JavaScript, served as /play.js on the
// participant's pages, so playing costs the wasm nothing.
//
// A button with `data-play` plays that URL (the server's audio of a statement or an
// instruction); one sound at a time, never by itself, `aria-pressed` while it plays, a second
// press stops it. Where the button also has `data-text` and `data-lang`, the tablet has a voice
// of its own for the language, and the participant chose it (the `data-own-voice` box,
// remembered on the tablet) or the server has no audio, the tablet's voice speaks instead.
// A button whose audio fails to load hides itself.
(() => {
	"use strict";
	if (window.spraktrappanPlay) return;
	window.spraktrappanPlay = true;
	const OWN = "spraktrappan-own-voice";
	const synth = window.speechSynthesis;
	let current = null;

	function voiceFor(lang) {
		if (!synth || !lang) return null;
		const want = lang.toLowerCase().split("-")[0];
		return synth.getVoices().find(v => v.lang.toLowerCase().split(/[-_]/)[0] === want) || null;
	}

	function ownChosen() {
		try {
			return localStorage.getItem(OWN) === "1";
		} catch {
			return false;
		}
	}

	function stop() {
		if (!current) return;
		if (current.audio) current.audio.pause();
		if (current.spoken && synth) synth.cancel();
		current.button.setAttribute("aria-pressed", "false");
		current = null;
	}

	function done(button) {
		button.setAttribute("aria-pressed", "false");
		if (current && current.button === button) current = null;
	}

	function play(button) {
		const again = current && current.button === button;
		stop();
		if (again) return;
		const url = button.dataset.play;
		const text = button.dataset.text;
		const voice = text ? voiceFor(button.dataset.lang) : null;
		button.setAttribute("aria-pressed", "true");
		if (voice && (ownChosen() || !url)) {
			const spoken = new SpeechSynthesisUtterance(text);
			spoken.voice = voice;
			spoken.lang = voice.lang;
			spoken.rate = 0.9;
			spoken.onend = spoken.onerror = () => done(button);
			current = { button, spoken: true };
			synth.speak(spoken);
			return;
		}
		if (!url) {
			// Neither audio from the server nor a voice on this tablet: nothing to play here.
			done(button);
			button.hidden = true;
			return;
		}
		const audio = new Audio(url);
		audio.onended = () => done(button);
		audio.onerror = () => {
			done(button);
			button.hidden = true;
		};
		current = { button, audio };
		audio.play().catch(() => done(button));
	}

	document.addEventListener("click", event => {
		const target = event.target instanceof Element ? event.target : null;
		const button = target && target.closest("[data-play]");
		if (button) {
			event.preventDefault();
			play(button);
		} else if (target && target.closest("button, a")) {
			stop(); // an answer or another sentence: the last one's sound stops
		}
	});

	document.addEventListener("change", event => {
		const box = event.target;
		if (box instanceof HTMLInputElement && box.matches("[data-own-voice]")) {
			try {
				localStorage.setItem(OWN, box.checked ? "1" : "0");
			} catch {
				// private browsing: the choice holds for this page only
			}
		}
	});

	function showOwnVoice() {
		for (const box of document.querySelectorAll("[data-own-voice]")) {
			const label = box.closest("label");
			if (label) label.hidden = !voiceFor(box.dataset.lang);
			box.checked = ownChosen();
		}
	}

	function start() {
		for (const button of document.querySelectorAll("[data-play][data-unhide]")) button.hidden = false;
		showOwnVoice();
		if (synth && synth.addEventListener) synth.addEventListener("voiceschanged", showOwnVoice);
	}

	if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
	else start();
})();
