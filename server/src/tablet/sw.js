// Språktrappan's service worker (issue 12), served as /sw.js from the site root. Plain
// JavaScript.
//
// It keeps the tablet's pages and the built files so that a reload while the connection is
// down still shows the screen (the answers given meanwhile wait in IndexedDB, see
// /tablet.js). Pages are fetched from the network first and kept only when they come back
// whole; the built files (/pkg/…, content-hashed) from the cache first.
//
// A shared tablet must never show one person's page to the next: signing in or out (also
// offline, also by the idle timer) empties the kept personal pages (/me…) at once; the
// sign-in screen and the built files are kept with the files. A sign-out that could not
// reach the server is remembered and sent before anything else when the connection returns;
// until then the participant's pages answer with the sign-in screen.
"use strict";

const PAGES = "spraktrappan-pages-v1";
const FILES = "spraktrappan-files-v1";
const SIGN_OUT = "/api/auth/sign-out";
const SIGN_IN = ["/api/auth/sign-in", "/api/auth/tablet-sign-in"];
const PENDING = "spraktrappan-pending-sign-out";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

const personal = (path) => path === "/me" || path.startsWith("/me/");
const keepable = (path) => personal(path) || path === "/tablet";
const built = (path) => path.startsWith("/pkg/") || path === "/tablet.js" || path === "/favicon.svg";

// The pending sign-out lives in a cache entry (the worker has no localStorage).
async function signOutPending() {
	return Boolean(await (await caches.open(FILES)).match(PENDING));
}
async function setSignOutPending(on) {
	const cache = await caches.open(FILES);
	if (on) await cache.put(PENDING, new Response("1"));
	else await cache.delete(PENDING);
}

async function forgetPages() {
	await caches.delete(PAGES);
}

// Sends a sign-out that could not be sent before; true when no sign-out waits any more.
async function sendPendingSignOut() {
	if (!(await signOutPending())) return true;
	try {
		await fetch(SIGN_OUT, {
			method: "POST",
			credentials: "same-origin",
			headers: { "content-type": "application/x-www-form-urlencoded" },
			body: "to=%2Ftablet",
			redirect: "manual",
		});
		await setSignOutPending(false);
		return true;
	} catch (_) {
		return false;
	}
}

const toSignIn = () => Response.redirect("/tablet", 303);

async function signInOrOut(request, out) {
	await forgetPages();
	try {
		const res = await fetch(request);
		if (out) await setSignOutPending(false);
		return res;
	} catch (_) {
		if (out) {
			await setSignOutPending(true);
			return toSignIn();
		}
		return Response.error();
	}
}

async function page(request, path) {
	const signedOut = await sendPendingSignOut();
	if (!signedOut && personal(path)) return toSignIn();
	try {
		const res = await fetch(request);
		if (res.ok && res.type === "basic" && !res.redirected && keepable(path)) {
			const cache = await caches.open(personal(path) ? PAGES : FILES);
			await cache.put(request.url, res.clone());
		}
		return res;
	} catch (_) {
		const cache = await caches.open(personal(path) ? PAGES : FILES);
		const kept = (await cache.match(request.url)) || (await cache.match(request.url, { ignoreSearch: true }));
		if (kept) return kept;
		if (personal(path)) {
			const signIn = await (await caches.open(FILES)).match(new URL("/tablet", self.location.origin).href);
			if (signIn) return signIn;
		}
		return Response.error();
	}
}

async function file(request) {
	const cache = await caches.open(FILES);
	const kept = await cache.match(request);
	if (kept) return kept;
	const res = await fetch(request);
	if (res.ok) await cache.put(request, res.clone());
	return res;
}

self.addEventListener("fetch", (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin) return;
	const path = url.pathname;
	if (request.method === "POST") {
		if (path === SIGN_OUT) event.respondWith(signInOrOut(request, true));
		else if (SIGN_IN.includes(path)) event.respondWith(signInOrOut(request, false));
		return;
	}
	if (request.method !== "GET") return;
	if (request.mode === "navigate") event.respondWith(page(request, path));
	else if (built(path)) event.respondWith(file(request));
});

// A page asks to keep what it shows (its own address and the files it loaded), so that the
// first page of a visit can already be reloaded offline.
self.addEventListener("message", (event) => {
	const keep = (event.data && event.data.keep) || [];
	event.waitUntil(
		(async () => {
			for (const u of keep) {
				const url = new URL(u, self.location.origin);
				if (url.origin !== self.location.origin) continue;
				try {
					if (built(url.pathname)) {
						await file(new Request(url.href));
					} else if (keepable(url.pathname)) {
						const res = await fetch(url.href, { credentials: "same-origin" });
						if (res.ok && !res.redirected) {
							await (await caches.open(personal(url.pathname) ? PAGES : FILES)).put(url.href, res);
						}
					}
				} catch (_) {
					// offline: kept on the next visit
				}
			}
			if (event.ports[0]) event.ports[0].postMessage("kept");
		})(),
	);
});
