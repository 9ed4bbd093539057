// Språktrappan's upload progress (issue 18). Plain JavaScript, served as /progress.js on an
// upload's page while its check or import runs, so following it costs the wasm nothing.
//
// The bar `progress[data-upload]` names the upload. Every second the script asks the server
// where the upload is (one question at a time), moves the bar and the percent text (the bar's
// `data-percent-text`, `{percent}` standing for the number), and reloads the page, which then
// shows the report, once the step has ended. A question that fails is asked again at the next
// tick. Without the script the page's own link shows the progress again.
(() => {
	"use strict";
	const bar = document.querySelector("progress[data-upload]");
	if (!bar) return;
	const text = document.querySelector("[data-test=import-percent]");
	const template = bar.dataset.percentText || "";
	const body = "id=" + encodeURIComponent(bar.dataset.upload);
	let asking = false;
	setInterval(async () => {
		if (asking) return;
		asking = true;
		try {
			const answer = await fetch("/api/import/report", {
				method: "POST",
				credentials: "same-origin",
				headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
				body,
			});
			if (answer.ok) {
				const state = await answer.json();
				const running = state && (state.Checking || state.Importing);
				if (running) {
					const { done, total } = running.progress;
					bar.max = Math.max(1, total);
					bar.value = Math.min(done, total);
					const percent = total > 0 ? Math.floor((Math.min(done, total) * 100) / total) : 100;
					if (text) text.textContent = template.replace("{percent}", String(percent));
				} else {
					location.reload();
				}
			}
		} catch {
			// A dropped connection: asked again at the next tick.
		}
		asking = false;
	}, 1000);
})();
