#!/usr/bin/env python3
"""The load test (issue 16): a city's peak of mixed traffic from the four roles, bounded.

Starts the release server on a loopback port with the demo data, signs in a coordinator, a
mentor, a teacher and a participant, then sends RATE requests a second (open loop: each at its
scheduled moment, from a pool of threads) for SECONDS seconds: the pages each role opens most,
and now and then a write (a mentor recording a participant's self-study).
Reports the count, errors, 5xx, latency percentiles and the server's memory (RSS after the
first tenth of the run and at the end), and exits 1 when a budget is broken:
  no 5xx, p99 under 100 ms, memory growth under 10 %.
Usage: load.py SERVER_BINARY [SECONDS] [RATE]
"""
import concurrent.futures
import datetime
import http.client
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

BINARY = sys.argv[1]
SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 600
RATE = int(sys.argv[3]) if len(sys.argv) > 3 else 200
PORT = int(os.environ.get("LOAD_PORT", "3112"))
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "sprakdemo2026"


class Client:
    """One signed-in browser: its session cookie, sent over kept-alive connections (one per
    thread, as a browser keeps its own), so the client costs the two cores little."""

    def __init__(self):
        self.cookie = ""
        self.local = threading.local()

    def conn(self):
        c = getattr(self.local, "conn", None)
        if c is None:
            c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
            self.local.conn = c
        return c

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookie:
            headers["Cookie"] = self.cookie
        for attempt in (1, 2):
            c = self.conn()
            try:
                c.request(method, path, body=body, headers=headers)
                res = c.getresponse()
                data = res.read()
                break
            except (http.client.HTTPException, OSError):
                # A connection the server closed while idle: open a new one, once.
                c.close()
                self.local.conn = None
                if attempt == 2:
                    raise
        for name, value in res.getheaders():
            if name.lower() == "set-cookie" and value.startswith("st_session="):
                self.cookie = value.split(";", 1)[0]
        if res.status >= 400:
            raise urllib.error.HTTPError(path, res.status, res.reason, res.headers, None)
        return res.status, data

    def get(self, path):
        return self.request("GET", path, headers={"Accept": "text/html"})

    def post(self, path, fields):
        return self.request(
            "POST", path, body=urllib.parse.urlencode(fields),
            headers={"Content-Type": "application/x-www-form-urlencoded",
                     "Accept": "application/json", "Origin": BASE})


def start():
    workdir = tempfile.mkdtemp(prefix="spraktrappan-load-")
    env = dict(os.environ, DATABASE_URL=f"sqlite://{workdir}/load.db",
               LISTEN_ADDR=f"127.0.0.1:{PORT}", DEMO_DATA="1", SECURE_COOKIES="0",
               RUST_LOG="warn")
    proc = subprocess.Popen([BINARY, "serve"], env=env, stdout=subprocess.DEVNULL,
                            stderr=open(f"{workdir}/server.log", "w"))
    for _ in range(200):
        try:
            with urllib.request.urlopen(BASE + "/healthz", timeout=1):
                return proc
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    proc.kill()
    sys.exit("load test: the server did not start")


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def first(pattern, text):
    m = re.search(pattern, text.decode())
    if not m:
        sys.exit(f"load test: nothing matches {pattern}")
    return m.group(1)


def main():
    server = start()
    try:
        run(server)
    finally:
        server.kill()


def run(server):
    staff = {}
    for role, email in [("coordinator", "samordnare@example.se"), ("mentor", "mentor@example.se"),
                        ("teacher", "larare@example.se")]:
        c = Client()
        c.post("/api/auth/sign-in", {"email": email, "password": PASSWORD})
        staff[role] = c
    tablet = Client()
    tablet.post("/api/auth/tablet-sign-in", {"code": "SPR-AK2", "pin": "1234"})
    _, home = staff["mentor"].get("/")
    pid = first(r'href="/participants/(\d+)"', home)
    _, groups = staff["teacher"].get("/groups")
    gid = first(r'href="/groups/(\d+)"', groups)
    today = datetime.date.today()
    counter = [0]
    lock = threading.Lock()

    def self_study(client):
        with lock:
            counter[0] += 1
            n = counter[0]
        # A mentor correcting a participant's self-study of the last fortnight, before 06:00
        # (never one of the demo data's stretches): 56 stretches (14 days, four starts a
        # quarter of an hour apart) whose end changes from write to write, so each write
        # stores a new version of one of them and the participant's data stays the size of a
        # real one's (a run that only adds entries would pile thousands onto one person).
        day = today - datetime.timedelta(days=1 + n % 14)
        start_m = 5 * 60 + 15 * ((n // 14) % 4)
        end_m = start_m + 5 + n % 7
        start_t = f"{start_m // 60:02}:{start_m % 60:02}"
        end_t = f"{end_m // 60:02}:{end_m % 60:02}"
        return client.post("/api/hours/time", {"participant": pid, "kind": "self_study",
                                                "date": day.isoformat(), "start": start_t,
                                                "end": end_t})

    # (weight, what): the mix of a working day at a programme office.
    mix = [
        (10, lambda: staff["coordinator"].get("/")),
        (10, lambda: staff["coordinator"].get("/participants")),
        (8, lambda: staff["coordinator"].get(f"/participants/{pid}")),
        (2, lambda: staff["coordinator"].get("/compliance")),
        (2, lambda: staff["coordinator"].get("/calendar")),
        (14, lambda: staff["mentor"].get("/")),
        (10, lambda: staff["mentor"].get(f"/participants/{pid}")),
        (3, lambda: self_study(staff["mentor"])),
        (8, lambda: staff["teacher"].get(f"/groups/{gid}/results")),
        (6, lambda: staff["teacher"].get(f"/groups/{gid}/register")),
        (12, lambda: tablet.get("/me")),
        (8, lambda: tablet.get("/me/assessment")),
        (5, lambda: tablet.get("/me/passport")),
    ]
    total_weight = sum(w for w, _ in mix)
    latencies, statuses, errors = [], [], []

    def one(action):
        t = time.perf_counter()
        try:
            status, _ = action()
        except urllib.error.HTTPError as e:
            status = e.code
        except (urllib.error.URLError, OSError) as e:
            with lock:
                errors.append(str(e))
            return
        with lock:
            latencies.append(time.perf_counter() - t)
            statuses.append(status)

    def pick():
        r = random.uniform(0, total_weight)
        for w, action in mix:
            r -= w
            if r <= 0:
                return action
        return mix[-1][1]

    pool = concurrent.futures.ThreadPoolExecutor(max_workers=64)
    begin = time.perf_counter()
    n = 0
    warm_rss = None
    while True:
        elapsed = time.perf_counter() - begin
        if elapsed >= SECONDS:
            break
        if warm_rss is None and elapsed >= SECONDS / 10:
            warm_rss = rss_kib(server.pid)
        due = begin + n / RATE
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        pool.submit(one, pick())
        n += 1
    pool.shutdown(wait=True)
    end_rss = rss_kib(server.pid)
    wall = time.perf_counter() - begin
    lat = sorted(latencies)

    def pct(p):
        return lat[min(len(lat) - 1, int(len(lat) * p))] * 1000 if lat else float("nan")

    five = sum(1 for s in statuses if s >= 500)
    growth = (end_rss - warm_rss) / warm_rss * 100 if warm_rss else float("nan")
    print(f"load test: {len(statuses)} answers in {wall:.0f} s ({len(statuses) / wall:.0f}/s "
          f"asked {RATE}/s), 5xx {five}, connection errors {len(errors)}, other non-2xx/3xx "
          f"{sum(1 for s in statuses if 400 <= s < 500)}; latency ms p50 {pct(0.50):.1f} "
          f"p90 {pct(0.90):.1f} p99 {pct(0.99):.1f} max {pct(1.0):.1f}; server RSS "
          f"{warm_rss} KiB after {SECONDS / 10:.0f} s, {end_rss} KiB at the end "
          f"({growth:+.1f} %)")
    failed = []
    if five:
        failed.append(f"{five} answers were 5xx")
    if errors:
        failed.append(f"{len(errors)} requests failed, e.g. {errors[0]}")
    if pct(0.99) >= 100:
        failed.append(f"p99 {pct(0.99):.1f} ms is not under 100 ms")
    if growth >= 10:
        failed.append(f"memory grew {growth:.1f} %")
    if failed:
        sys.exit("load test: " + "; ".join(failed))


if __name__ == "__main__":
    main()
