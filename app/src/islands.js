// Loads the wasm only on a page that has islands, then hydrates each island (after
// leptos' island_script.js, MIT). Pages without islands download no script at all.
((js, wasm) => {
	const ready = () => document.body.setAttribute("data-hydrated", "true");
	if (!document.querySelector("leptos-island")) {
		ready();
		return;
	}
	const childrenCallbacks = [];
	async function traverse(node, mod) {
		if (node.nodeType !== Node.ELEMENT_NODE) return;
		const tag = node.tagName.toLowerCase();
		if (tag === "leptos-island") {
			const island = mod[node.dataset.component];
			if (island) {
				const callback = childrenCallbacks[childrenCallbacks.length - 1];
				if (callback) callback();
				const res = island(node);
				if (res && res.then) await res;
			} else {
				console.warn(`no wasm function for the island ${node.dataset.component}`);
			}
			for (const child of node.children) await traverse(child, mod);
		} else if (tag === "leptos-children") {
			childrenCallbacks.push(node.$$on_hydrate);
			for (const child of node.children) await traverse(child, mod);
			childrenCallbacks.pop();
		} else {
			for (const child of node.children) await traverse(child, mod);
		}
	}
	import(js)
		.then((mod) => mod.default({ module_or_path: wasm }).then(() => mod))
		.then(async (mod) => {
			mod.hydrate();
			await traverse(document.body, mod);
			ready();
		});
})
