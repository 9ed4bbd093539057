#!/usr/bin/env python3
"""What a first visit downloads, per page: HTML, CSS, JS and wasm, each gzip -9.

Signs in as the demo users of a server started with DEMO_DATA=1 (see weight.sh), fetches the
pages of the islands issue's budget, and adds up the HTML and every static file the page makes
the browser fetch: the stylesheet, and on a page with islands the JavaScript module and the
wasm. Exits 1 when a budget is exceeded:
  any wasm <= 150 KB, the tablet's sign-in page <= 120 KB, every page <= 250 KB (gzip -9).
"""
import gzip
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3000"
PASSWORD = "sprakdemo2026"
KB = 1000
BUDGET_WASM = 150 * KB
BUDGET_TABLET = 120 * KB
BUDGET_PAGE = 250 * KB


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


class Browser:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> bytes:
        req = urllib.request.Request(BASE + path, headers={"Accept": "text/html"})
        with self.opener.open(req) as res:
            return res.read()

    def post(self, path: str, fields: dict, referer: str = "/") -> bytes:
        data = urllib.parse.urlencode(fields).encode()
        req = urllib.request.Request(BASE + path, data=data, headers={
            "Accept": "text/html", "Referer": BASE + referer,
            "Content-Type": "application/x-www-form-urlencoded"})
        with self.opener.open(req) as res:
            return res.read()


def assets(html: str):
    """The static files a page makes the browser fetch."""
    found = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    if "<leptos-island" in html:
        m = re.search(r'\}\)\s*\("([^"]+\.js)", "([^"]+\.wasm)"\);', html)
        if not m:
            raise SystemExit("a page with islands but no loader found: the weight script is out of date")
        found += [m.group(1), m.group(2)]
    return found


def main() -> int:
    anon = Browser()
    tablet = Browser()
    tablet.get("/tablet")
    tablet.post("/api/auth/tablet-sign-in", {"code": "SPR-AK2", "pin": "1234"}, "/tablet")
    tablet.post("/api/assessment/start", {"occasion": "start"}, "/me/assessment")
    mentor = Browser()
    mentor.post("/api/auth/sign-in", {"email": "mentor@example.se", "password": PASSWORD}, "/sign-in")
    teacher = Browser()
    teacher.post("/api/auth/sign-in", {"email": "larare@example.se", "password": PASSWORD}, "/sign-in")
    start = teacher.get("/").decode()
    grid = re.search(r'href="(/groups/\d+/results)"', start)
    dash = mentor.get("/").decode()
    person = re.search(r'href="(/participants/\d+)"', dash)
    pages = [
        ("tablet sign-in", anon, "/tablet", BUDGET_TABLET),
        ("self-assessment screen", tablet, "/me/assessment/listening", BUDGET_PAGE),
        ("mentor's dashboard", mentor, "/", BUDGET_PAGE),
        ("SFI grid", teacher, grid.group(1) if grid else "/groups/1/results", BUDGET_PAGE),
        ("participant page", mentor, person.group(1) if person else "/participants/1", BUDGET_PAGE),
    ]
    failures = []
    sizes = {}
    print(f"{'page':<24} {'HTML':>8} {'CSS':>8} {'JS':>8} {'wasm':>8} {'all-in':>8}  (bytes, gzip -9)")
    for name, who, path, budget in pages:
        html = who.get(path)
        parts = {"html": gz(html), "css": 0, "js": 0, "wasm": 0}
        for url in assets(html.decode()):
            if url not in sizes:
                sizes[url] = gz(anon.get(url))
            kind = url.rsplit(".", 1)[-1]
            parts[kind if kind in parts else "js"] += sizes[url]
            if kind == "wasm" and sizes[url] > BUDGET_WASM:
                failures.append(f"{url}: wasm {sizes[url]} > {BUDGET_WASM}")
        total = sum(parts.values())
        print(f"{name:<24} {parts['html']:>8} {parts['css']:>8} {parts['js']:>8} {parts['wasm']:>8} {total:>8}  {path}")
        if total > budget:
            failures.append(f"{name}: {total} > {budget}")
    if failures:
        print("over budget:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print(f"budgets hold: wasm <= {BUDGET_WASM}, tablet sign-in <= {BUDGET_TABLET}, every page <= {BUDGET_PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
