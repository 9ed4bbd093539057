#!/usr/bin/env python3
"""The crash test (issue 16): nothing acknowledged is lost, nothing half-imported survives.

Against a fresh SQLite database, twenty rounds of: start the release server; one client writes
self-study entries through the web (`/api/hours/time`, as the page's form does) while the
command line imports a `teaching` file of 3,600 rows; after a random moment both the server and the
import are killed with SIGKILL. Then it checks, reading the database file itself:
  - every web write the server acknowledged (HTTP 200) is stored;
  - every import file is either wholly stored or not at all;
  - `PRAGMA integrity_check` answers `ok`.
Exits 1 with the reason when one of them fails. Usage: crash.py SERVER_BINARY [ROUNDS]
"""
import datetime
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

BINARY = sys.argv[1]
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
PORT = int(os.environ.get("CRASH_PORT", "3111"))
BASE = f"http://127.0.0.1:{PORT}"
EMAIL = "crash@example.se"
PASSWORD = "crash-test-password"
PARTICIPANTS = [f"P-CRASH-{i}" for i in range(1, 11)]
IMPORT_ROWS = 3600
SLOTS = 36  # evening stretches of 5 minutes, every 10 minutes from 18:00
FIRST_DAY = datetime.date(2025, 1, 6)

workdir = tempfile.mkdtemp(prefix="spraktrappan-crash-")
db_path = os.path.join(workdir, "crash.db")
env = dict(os.environ, DATABASE_URL=f"sqlite://{db_path}", LISTEN_ADDR=f"127.0.0.1:{PORT}",
           SECURE_COOKIES="0", RUST_LOG="warn")
env.pop("DEMO_DATA", None)


def run(*args, stdin=None):
    out = subprocess.run([BINARY, *args], env=env, input=stdin, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"crash test: `server {' '.join(args)}` failed: {out.stderr}")


def prepare():
    run("migrate")
    run("user", "add", "--role", "coordinator", "--email", EMAIL, "--name", "Crash Test",
        stdin=PASSWORD + "\n")
    rows = ["participant_ref;given_name;family_name;gender;school;district;start_date;planned_terms"]
    rows += [f"{ref};Test;Person {i};female;Krockskolan;Farsta;2025-01-06;3"
             for i, ref in enumerate(PARTICIPANTS)]
    path = os.path.join(workdir, "participants.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    run("import", "participants", path)


def import_days(k):
    """The days of file k: ten of its own (no other file or web write uses them)."""
    per_day = len(PARTICIPANTS) * SLOTS
    return [FIRST_DAY + datetime.timedelta(days=160 + 10 * k + d)
            for d in range(IMPORT_ROWS // per_day)]


def import_file(k):
    """File k: 3,600 evening self-study rows, each participant 36 a day on its ten days."""
    rows = ["participant_ref;date;start;end;kind;teacher_email"]
    days = import_days(k)
    for r in range(IMPORT_ROWS):
        day = days[r // (len(PARTICIPANTS) * SLOTS)]
        slot = (r // len(PARTICIPANTS)) % SLOTS
        start = datetime.datetime(2000, 1, 1, 18, 0) + datetime.timedelta(minutes=10 * slot)
        end = start + datetime.timedelta(minutes=5)
        rows.append(f"{PARTICIPANTS[r % len(PARTICIPANTS)]};{day};{start:%H:%M};{end:%H:%M};self_study;")
    path = os.path.join(workdir, f"teaching-{k}.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    return path


def start_server():
    proc = subprocess.Popen([BINARY, "serve"], env=env, stdout=subprocess.DEVNULL,
                            stderr=open(os.path.join(workdir, "server.log"), "a"))
    for _ in range(200):
        try:
            with urllib.request.urlopen(BASE + "/healthz", timeout=1) as res:
                if res.status == 200:
                    return proc
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.05)
    proc.kill()
    sys.exit("crash test: the server did not start")


def post(path, fields, cookie=None):
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
               "Origin": BASE}
    if cookie:
        headers["Cookie"] = cookie
    req = urllib.request.Request(BASE + path, data=urllib.parse.urlencode(fields).encode(),
                                 headers=headers)
    with urllib.request.urlopen(req, timeout=5) as res:
        return res.status, res.headers.get_all("Set-Cookie") or []


def sign_in():
    _, cookies = post("/api/auth/sign-in", {"email": EMAIL, "password": PASSWORD})
    for c in cookies:
        if c.startswith("st_session="):
            return c.split(";")[0]
    sys.exit("crash test: no session cookie")


def participant_ids():
    con = sqlite3.connect(db_path)
    ids = dict(con.execute("SELECT participant_ref, id FROM participants"))
    con.close()
    return [ids[r] for r in PARTICIPANTS]


acknowledged = []  # (participant_id, date, start)
write_counter = [0]


def writer(cookie, ids, stop):
    """Morning self-study, a new (participant, day, slot) each time."""
    while not stop.is_set():
        w = write_counter[0]
        write_counter[0] += 1
        pid = ids[w % len(ids)]
        day = FIRST_DAY + datetime.timedelta(days=(w // len(ids)) % 150)
        slot = w // (len(ids) * 150)  # mornings from 06:00: never the imports' evenings
        start = datetime.datetime(2000, 1, 1, 6, 0) + datetime.timedelta(minutes=30 * slot)
        end = start + datetime.timedelta(minutes=20)
        fields = {"participant": pid, "kind": "self_study", "date": day.isoformat(),
                  "start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")}
        try:
            status, _ = post("/api/hours/time", fields, cookie)
        except (urllib.error.URLError, ConnectionError, OSError):
            return  # the server is gone: this write was not acknowledged
        if status == 200:
            acknowledged.append((pid, day.isoformat(), start.strftime("%H:%M")))


def main():
    prepare()
    ids = None
    imports = []
    started = time.monotonic()
    for k in range(ROUNDS):
        server = start_server()
        if ids is None:
            ids = participant_ids()
        cookie = sign_in()
        path = import_file(k)
        imports.append(k)
        importer = subprocess.Popen([BINARY, "import", "teaching", path], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        stop = threading.Event()
        client = threading.Thread(target=writer, args=(cookie, ids, stop))
        client.start()
        time.sleep(random.uniform(0.05, 0.6))
        server.send_signal(signal.SIGKILL)
        importer.send_signal(signal.SIGKILL)
        server.wait()
        importer.wait()
        stop.set()
        client.join()

    con = sqlite3.connect(db_path)
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    stored = set(con.execute(
        "SELECT participant_id, entry_date, start_time FROM time_entries WHERE start_time < '12:00'"))
    lost = [w for w in acknowledged if w not in stored]
    partial = []
    wholly = 0
    for k in imports:
        days = [d.isoformat() for d in import_days(k)]
        n = con.execute(
            f"SELECT COUNT(*) FROM time_entries WHERE start_time >= '18:00' AND entry_date IN "
            f"({','.join('?' * len(days))})", days).fetchone()[0]
        if n not in (0, IMPORT_ROWS):
            partial.append((k, n))
        wholly += n == IMPORT_ROWS
    con.close()
    seconds = time.monotonic() - started
    print(f"crash test: {ROUNDS} kills in {seconds:.0f} s; {len(acknowledged)} acknowledged web "
          f"writes, all stored: {not lost}; imports wholly stored {wholly}, wholly absent "
          f"{len(imports) - wholly - len(partial)}, partial {len(partial)}; "
          f"integrity_check: {integrity}")
    if integrity != "ok":
        sys.exit(f"crash test: integrity_check says {integrity}")
    if lost:
        sys.exit(f"crash test: {len(lost)} acknowledged writes are missing, e.g. {lost[:3]}")
    if partial:
        sys.exit(f"crash test: imports stored in part (file, rows): {partial}")
    if not acknowledged:
        sys.exit("crash test: no write was acknowledged: the test tested nothing")


if __name__ == "__main__":
    main()
