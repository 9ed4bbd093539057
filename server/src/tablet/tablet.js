// Språktrappan's tablet queue (issue 12). Plain JavaScript, served as /tablet.js on the
// participant's pages.
//
// Every answer the statement screen gives is first kept in IndexedDB with an idempotency key
// and the participant it was given for (the page's owner), then sent at once; whatever could
// not be sent is sent again on the `online` event, on page load and every 20 seconds (Safari
// has no Background Sync). The server applies a key once. Answers are sent, counted and shown
// only on their owner's pages: a queued answer never reaches another person's session.
// If the owner's session has ended, the tablet reports how many answers wait (with the token
// the server put on the owner's page) and keeps them until the owner signs in again.
(() => {
	"use strict";
	const DB = "spraktrappan-tablet";
	const ANSWERS = "answers";
	const EVERY_MS = 20000;
	const REPORTED = "spraktrappan-reported";
	const marker = document.querySelector("[data-tablet-owner]");
	const owner = marker ? Number(marker.dataset.tabletOwner) : null;
	const token = marker ? marker.dataset.waitingToken : "";

	function open() {
		return new Promise((resolve, reject) => {
			const req = indexedDB.open(DB, 1);
			req.onupgradeneeded = () => {
				const store = req.result.createObjectStore(ANSWERS, { keyPath: "key" });
				store.createIndex("owner", "owner");
			};
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
	}

	async function run(mode, work) {
		const db = await open();
		try {
			return await new Promise((resolve, reject) => {
				const tx = db.transaction(ANSWERS, mode);
				const out = work(tx.objectStore(ANSWERS));
				tx.oncomplete = () => resolve(out && "result" in out ? out.result : undefined);
				tx.onerror = () => reject(tx.error);
				tx.onabort = () => reject(tx.error);
			});
		} finally {
			db.close();
		}
	}

	const mine = async (who) =>
		((await run("readonly", (s) => s.index("owner").getAll(who))) || []).sort((a, b) => a.seq - b.seq);

	function newKey() {
		if (crypto.randomUUID) return crypto.randomUUID();
		const b = crypto.getRandomValues(new Uint8Array(16));
		return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
	}

	function tabletId() {
		let id = localStorage.getItem("spraktrappan-tablet");
		if (!id) {
			id = newKey();
			localStorage.setItem("spraktrappan-tablet", id);
		}
		return id;
	}

	// Answers sent since this page loaded: a page rendered just before one of them arrived
	// (a reload right after a tap) still shows it.
	const sent = [];
	let waitingHere = 0;

	async function announce(who) {
		if (who === null || who !== owner) return;
		const answers = await mine(who);
		waitingHere = answers.length;
		window.dispatchEvent(
			new CustomEvent("queue-change", { detail: JSON.stringify({ owner: who, answers, sent }) }),
		);
		document.documentElement.dataset.queued = String(answers.length);
	}

	function post(path, fields) {
		return fetch(path, {
			method: "POST",
			credentials: "same-origin",
			keepalive: true, // an answer given just before leaving the page still arrives
			headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
			body: new URLSearchParams(fields),
		});
	}

	// Sends one kept answer: "done" (stored, or never storable: no draft any more, an unknown
	// statement), "ended" (the owner's session has ended: kept for their next sign-in) or
	// "keep" (offline or the server failed: sent again later).
	async function send(a) {
		let res;
		try {
			res = await post("/api/assessment/deliver", {
				key: a.key,
				owner: a.owner,
				skill: a.skill,
				index: a.index,
				statement: a.statement,
				answer: a.answer,
				goal: a.goal ? "on" : "",
			});
		} catch (_) {
			return "keep";
		}
		if (res.ok || [400, 404, 422].includes(res.status)) {
			if (a.keeping) await a.keeping.catch(() => undefined);
			await run("readwrite", (s) => s.delete(a.key));
			if (res.ok) sent.push({ statement: a.statement, answer: a.answer, goal: a.goal });
			return "done";
		}
		return res.status === 401 || res.status === 403 ? "ended" : "keep";
	}

	// Sends the owner's kept answers in the order they were given.
	let sending = null;
	async function flush() {
		if (sending) return sending;
		sending = (async () => {
			let ended = false;
			if (owner !== null) {
				for (const a of await mine(owner)) {
					const r = await send(a);
					if (r === "ended") ended = true;
					if (r !== "done") break;
				}
			}
			await reportWaiting(ended);
			if (owner !== null) await announce(owner);
		})().finally(() => {
			sending = null;
		});
		return sending;
	}

	// Tells the server how many answers wait on this tablet for each person whose session
	// ended before they were sent (so the staff view of the draft can say so), once per change.
	async function reportWaiting(ended) {
		const all = (await run("readonly", (s) => s.getAll())) || [];
		const counts = new Map();
		const tokens = new Map();
		for (const a of all) {
			counts.set(a.owner, (counts.get(a.owner) || 0) + 1);
			tokens.set(a.owner, a.token);
		}
		const reported = JSON.parse(localStorage.getItem(REPORTED) || "{}");
		const people = new Set([...Object.keys(reported).map(Number), ...counts.keys()]);
		for (const who of people) {
			const n = counts.get(who) || 0;
			if (who === owner && n > 0 && !ended) continue; // on its way from this page
			const before = reported[who];
			if ((before ? before.n : 0) === n) continue;
			const tok = tokens.get(who) || (before && before.token);
			if (!tok) continue;
			try {
				const res = await post("/api/assessment/waiting", { owner: who, token: tok, tablet: tabletId(), answers: n });
				if (!res.ok) continue;
			} catch (_) {
				return; // offline: reported with the next attempt
			}
			if (n === 0) delete reported[who];
			else reported[who] = { n, token: tok };
			localStorage.setItem(REPORTED, JSON.stringify(reported));
		}
	}

	// Keeps an answer on the tablet, then sends it: at once when nothing older waits, else
	// after the older ones (so a later answer to the same sentence is never overwritten).
	let seq = Date.now() * 1000;
	const inflight = new Set();
	function put(json) {
		const item = JSON.parse(json);
		if (item.owner !== owner) throw new Error("an answer for another person");
		item.key = newKey();
		item.token = token;
		item.seq = ++seq;
		// Nothing older waits: sent at once, while it is being kept (the delete after a
		// successful send waits for the keeping).
		const alone = waitingHere === 0 && !sending;
		const keeping = run("readwrite", (s) => s.put(item));
		const work = (async () => {
			if (alone) {
				const r = await send({ ...item, keeping });
				if (r === "ended") await reportWaiting(true);
			} else {
				await keeping;
				if (sending) await sending;
				await flush();
			}
			await announce(owner);
		})();
		inflight.add(work);
		work.catch((e) => console.error("queue", e)).finally(() => inflight.delete(work));
	}

	// Goes to `url` once the answers on their way have arrived or are safely kept (at most a
	// few seconds), so the next page counts them.
	async function go(url) {
		const timeout = new Promise((r) => setTimeout(r, 3000));
		await Promise.race([Promise.allSettled([...inflight]), timeout]);
		location.assign(url);
	}

	window.spraktrappanQueue = {
		put(json) {
			// Called by the island, which must not wait; an error reaches it only when the
			// queue cannot work at all (then the plain form posts instead).
			if (!window.indexedDB) throw new Error("no IndexedDB");
			put(json);
		},
		announce(who) {
			announce(who).catch((e) => console.error("queue", e));
		},
		go(url) {
			go(url);
		},
		flush,
	};

	window.addEventListener("online", () => flush());
	setInterval(() => flush(), EVERY_MS);
	flush().catch((e) => console.error("queue", e));

	// The service worker keeps the tablet pages for a reload while offline.
	if ("serviceWorker" in navigator) {
		navigator.serviceWorker
			.register("/sw.js", { scope: "/" })
			.then(() => navigator.serviceWorker.ready)
			.then((reg) => {
				const urls = [location.pathname + location.search, "/me/assessment", "/tablet"];
				for (const r of performance.getEntriesByType("resource")) {
					const u = new URL(r.name);
					if (u.origin === location.origin && (u.pathname.startsWith("/pkg/") || u.pathname === "/tablet.js")) {
						urls.push(u.pathname);
					}
				}
				const channel = new MessageChannel();
				channel.port1.onmessage = () => {
					document.documentElement.dataset.offlineReady = "true";
				};
				reg.active.postMessage({ keep: urls }, [channel.port2]);
			})
			.catch((e) => console.warn("service worker", e));
	}
})();
