#!/usr/bin/env python3
"""The benchmark: how close the service runs to this machine's limits.

Builds and starts the packaged service against PostgreSQL (a local SMTP sink takes the mail),
loads a synthetic letter of 100,000 published endorsements beside the bundled one, drives the
service with wrk on loopback, measures nginx serving the same bytes and pgbench committing the
same statements as a submission, and writes the table to src/bench/results.md.

Run it from the project's root: src/bench/run.sh (see src/docs/performance.md). Only the standard library,
plus wrk, nginx, pgbench, psql and openssl from Debian's packages.
"""

import argparse
import http.client as http_client
import base64
import datetime
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BENCH = os.path.join(ROOT, "src", "bench")
JAR = os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")
JWT_KEY = os.path.join(ROOT, "src", "test", "resources", "jwt", "privateKey.pem")
JWT_PUBLIC = os.path.join(ROOT, "src", "test", "resources", "jwt", "publicKey.pem")
DATABASE = "undersigned_bench"
SLUG = "bench-100k"
ISSUER = "https://undersigned.bench"
AUDIENCE = "undersigned-bench"
HEAP = "-Xmx80m"
# Confirmed endorsements the log's row publishes: a warm-up of 500 and four rounds of 1,500.
PUBLICATIONS = 6500
# As in the Dockerfile: bounded stacks, code cache and metaspace, the serial collector; C2 only for
# what is really hot (the start then costs a third less CPU, and C2's code and arenas less memory);
# freed native memory (the compilers' arenas) given back to the system every 5 s.
JVM_OPTIONS = ["-Xss512k", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=128m",
               "-XX:+UseSerialGC", "-XX:Tier4InvocationThreshold=50000",
               "-XX:Tier4MinInvocationThreshold=20000", "-XX:Tier4CompileThreshold=60000",
               "-XX:Tier4BackEdgeThreshold=400000", "-XX:TrimNativeHeapInterval=5000"]
CDS_ARCHIVE = os.path.join(ROOT, "target", "bench-cds.jsa")


def log(message):
    print(f"[bench] {message}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_port_pair():
    """A free port whose next is free too: the service's, and its management interface's."""
    while True:
        port = free_port()
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port + 1))
                return port
            except OSError:
                continue


def psql(sql, database="postgres"):
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1",
         "-q", "-c", sql], check=True, stdout=subprocess.DEVNULL)


def http(method, url, body=None, headers=None, timeout=60):
    data = body.encode() if isinstance(body, str) else body
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read(), dict(e.headers)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def admin_token():
    """An RS256 JWT with the admin role, signed with the tests' key (the bench trusts it)."""
    now = int(time.time())
    header = b64url(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    claims = b64url(json.dumps({
        "iss": ISSUER, "aud": AUDIENCE, "sub": "bench@coalition.test", "upn": "bench@coalition.test",
        "groups": ["admin", "moderator"], "iat": now, "exp": now + 3600,
        "jti": str(uuid.uuid4())}).encode())
    signing_input = f"{header}.{claims}".encode()
    signature = subprocess.run(
        ["openssl", "dgst", "-sha256", "-sign", JWT_KEY], input=signing_input,
        capture_output=True, check=True).stdout
    return f"{header}.{claims}.{b64url(signature)}"


class Service:
    def __init__(self, port, smtp_port, jvm_extra=()):
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        # Health and metrics are on the management interface, a port of their own.
        self.management = f"http://127.0.0.1:{port + 1}"
        self.log = open(os.path.join(ROOT, "target", "bench-service.log"), "w")
        settings = {
            "quarkus.http.port": port,
            "quarkus.management.port": port + 1,
            "quarkus.datasource.jdbc.url": f"jdbc:postgresql://127.0.0.1:5432/{DATABASE}",
            "quarkus.datasource.username": "postgres",
            "quarkus.mailer.host": "127.0.0.1",
            "quarkus.mailer.port": smtp_port,
            "quarkus.mailer.start-tls": "DISABLED",
            "quarkus.mailer.tls": "false",
            "mp.jwt.verify.publickey.location": JWT_PUBLIC,
            "mp.jwt.verify.issuer": ISSUER,
            "mp.jwt.verify.audiences": AUDIENCE,
            "undersigned.crypto.keys": "5MK2JRIi6n5TLxZQ+Y3muskWNVtwkqD3/fRgEnApz8s=",
            "undersigned.crypto.hash-key": "VprURQdBcY17qAtjvDdeXqG9SQnUIPmW40iMolZldko=",
            "undersigned.log.signing-key":
                "PRIVATE+KEY+undersigned.test+863b6aa6+AXLyQmkO1jdqP09xz2Cr4DF1YD0khlvfsy8a+7eO9GBS",
            # Every request of the benchmark comes from one address and one mail domain.
            "undersigned.rate-limit.per-address": 1_000_000_000,
            "undersigned.rate-limit.per-domain": 1_000_000_000,
            "undersigned.rate-limit.mails-per-email-per-day": 1_000_000_000,
            "undersigned.rate-limit.confirmation-mails-per-hour": 1_000_000_000,
            "undersigned.http.max-import-bytes": 16 * 1024 * 1024,
            "quarkus.http.limits.max-body-size": "20M",
        }
        command = ["java", HEAP] + JVM_OPTIONS + list(jvm_extra)
        command += [f"-D{k}={v}" for k, v in settings.items()]
        command += ["-jar", JAR]
        self.started = time.monotonic()
        # glibc's default of eight malloc arenas per core costs more resident memory than the heap.
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT,
                                        cwd=ROOT, env=dict(os.environ, MALLOC_ARENA_MAX="2"))
        self.ready_seconds = self.await_ready()

    def await_ready(self):
        deadline = time.monotonic() + 1200
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit("The service exited; see target/bench-service.log")
            try:
                status, _, _ = http("GET", self.management + "/q/health/ready", timeout=2)
                if status == 200:
                    return time.monotonic() - self.started
            except (OSError, http_client.HTTPException):
                # Not listening yet. (Polling a port in the ephemeral range before anything
                # listens on it can connect the socket to itself: the "answer" is the request.)
                pass
            time.sleep(0.02)
        sys.exit("The service did not get ready; see target/bench-service.log")

    def rss_mb(self, field="VmRSS"):
        """Resident memory now (VmRSS), or at its peak (VmHWM)."""
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def exercise(service):
    """Each path the benchmark drives, once, so that a training start loads their classes."""
    letter = f"{service.base}/api/v1/letters/{SLUG}"
    for accept in ("application/json", "text/plain"):
        http("GET", letter, headers={"Accept": accept})
    http("GET", letter + "/signatories?limit=50")
    http("GET", letter + "/counts")
    http("POST", letter + "/endorsements", json.dumps({
        "kind": "ORGANISATION", "name": f"Training Org {uuid.uuid4()}", "country": "FR",
        "website": "https://www.example.org", "contactName": "Training Signer",
        "contactEmail": f"training-{uuid.uuid4()}@bench.example", "anonymous": False,
        "language": "en", "consent": True}), headers={"Content-Type": "application/json"})
    time.sleep(2)  # the outbox sends its mail


def wrk(url, seconds, connections, script="report.lua", headers=()):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency",
               "-s", os.path.join(BENCH, script)]
    for h in headers:
        command += ["-H", h]
    command.append(url)
    env = dict(os.environ, UNDERSIGNED_BENCH_DIR=BENCH)
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout
    match = re.search(r"WRK_JSON (\{.*\})", out)
    if not match:
        sys.exit("wrk printed no figures:\n" + out)
    return json.loads(match.group(1))


def create_synthetic_letter(service, token):
    """The letter, through the admin API: created, then opened."""
    auth = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    text = {
        "title": "A synthetic open letter for the benchmark",
        "recipients": ["To the benchmark"],
        "paragraphs": ["It holds a hundred thousand endorsements, a few per cent anonymous."],
        "closing": "Signed,",
        "countSentence": "{total} endorsements: {named} named, {anonymous} anonymous.",
    }
    status, body, _ = http("POST", service.base + "/api/v1/letters",
                           json.dumps({"slug": SLUG, "language": "en", "text": text}), auth)
    if status not in (201, 409):
        sys.exit(f"creating the letter: {status} {body[:300]}")
    settings = {"status": "OPEN", "moderationPolicy": "PUBLISH_ON_CONFIRMATION",
                "countsDuringEmbargo": True}
    status, body, _ = http("PUT", service.base + "/api/v1/letters/" + SLUG,
                           json.dumps(settings), auth)
    if status != 200:
        sys.exit(f"opening the letter: {status} {body[:300]}")


def insert_endorsements(count, anonymous_every):
    """The endorsements, straight into PostgreSQL with their contact data in clear, as rows
    written before V6 were: the service's resealing and sort-key jobs complete them at its next
    start (the import API takes about 9 ms a row, a quarter of an hour for 100,000)."""
    psql(f"""
INSERT INTO endorsements (id, letter_id, translation_id, kind, name, normalized_name, country,
  website, anonymous, contact_name, contact_email, language, status, source, source_reference,
  email_confirmed_at, published_at, created_at, updated_at)
SELECT gen_random_uuid(), l.id, t.id, 'ORGANISATION',
  'Synthetic Organisation ' || lpad(i::text, 6, '0'),
  'synthetic organisation ' || lpad(i::text, 6, '0'),
  'FR', 'https://org' || i || '.example', i % {anonymous_every} = 0,
  'Contact ' || i, 'contact' || i || '@org' || i || '.example', 'en', 'PUBLISHED', 'IMPORTED',
  'synthetic-' || i, now(), now(), now(), now()
FROM letters l JOIN letter_translations t ON t.letter_id = l.id, generate_series(1, {count}) i
WHERE l.slug = '{SLUG}'
""", DATABASE)
    # Confirmed, waiting for a moderator: the publications the log's row approves.
    psql(f"""
INSERT INTO endorsements (id, letter_id, translation_id, kind, name, normalized_name, country,
  website, anonymous, contact_name, contact_email, language, status, source, source_reference,
  email_confirmed_at, created_at, updated_at)
SELECT gen_random_uuid(), l.id, t.id, 'ORGANISATION',
  'Awaiting Organisation ' || lpad(i::text, 6, '0'),
  'awaiting organisation ' || lpad(i::text, 6, '0'),
  'FR', 'https://awaiting' || i || '.example', i % {anonymous_every} = 0,
  'Contact ' || i, 'awaiting' || i || '@org' || i || '.example', 'en', 'CONFIRMED', 'IMPORTED',
  'awaiting-' || i, now(), now(), now()
FROM letters l JOIN letter_translations t ON t.letter_id = l.id,
  generate_series(1, {PUBLICATIONS}) i
WHERE l.slug = '{SLUG}'
""", DATABASE)
    psql("ANALYZE endorsements", DATABASE)


def psql_rows(sql):
    """The rows of a query, each a list of its columns as text."""
    out = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DATABASE, "-v", "ON_ERROR_STOP=1",
         "-q", "-A", "-t", "-F", "\t", "-c", sql], check=True, capture_output=True,
        text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


class SequencerHeld:
    """Holds the public log's sequencer lock of the synthetic letter (the advisory lock the
    service's sequencer tries each second, PublicLog.SEQUENCER and the letter's id), from a psql
    session of its own: while held, the service logs nothing of the letter, as if it kept no log."""

    def __enter__(self):
        letter_id = psql_rows(f"SELECT id FROM letters WHERE slug = '{SLUG}'")[0][0]
        self.session = subprocess.Popen(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DATABASE, "-q", "-A", "-t"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.session.stdin.write(
            f"SELECT pg_advisory_lock({0x746c6f67}, hashtext('{letter_id}'));\n"
            "SELECT 'held';\n")
        self.session.stdin.flush()
        while self.session.stdout.readline().strip() != "held":
            pass
        return self

    def __exit__(self, *exc):
        self.session.stdin.close()
        self.session.wait(30)


def approve_all(service, token, ids, clients=16):
    """Approves each endorsement (one publication each) from `clients` threads on kept-alive
    connections; answers {rps, p50_ms, p99_ms, errors}."""
    import http.client
    import queue
    import threading
    work = queue.Queue()
    for i in ids:
        work.put(i)
    latencies = []
    errors = []
    lock = threading.Lock()
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", service.port, timeout=60)
        while True:
            try:
                i = work.get_nowait()
            except queue.Empty:
                conn.close()
                return
            began = time.monotonic()
            conn.request("POST", f"/api/v1/admin/endorsements/{i}/approve", "{}", headers)
            response = conn.getresponse()
            response.read()
            with lock:
                latencies.append(time.monotonic() - began)
                if response.status != 200:
                    errors.append(response.status)

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.monotonic() - started
    latencies.sort()
    return {"rps": len(ids) / seconds, "p50_ms": latencies[len(latencies) // 2] * 1000,
            "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000, "errors": len(errors)}


def await_logged(longest=600):
    """Seconds until the log holds every publication of the synthetic letter."""
    began = time.monotonic()
    while time.monotonic() - began < longest:
        waiting = psql_rows(
            "SELECT count(*) FROM endorsements e JOIN letters l ON l.id = e.letter_id"
            f" WHERE l.slug = '{SLUG}' AND e.status = 'PUBLISHED' AND e.log_index IS NULL")
        if waiting[0][0] == "0":
            return time.monotonic() - began
        time.sleep(0.1)
    sys.exit("the public log never caught up")


def publications(service, token, rounds=4):
    """Publications (moderators' approvals) a second with the public log kept and with it held
    off, in alternate rounds after a warm-up; and how long the log takes to catch up."""
    ids = [row[0] for row in psql_rows(
        "SELECT e.id FROM endorsements e JOIN letters l ON l.id = e.letter_id"
        f" WHERE l.slug = '{SLUG}' AND e.status = 'CONFIRMED' ORDER BY e.name")]
    if len(ids) < PUBLICATIONS:
        log(f"only {len(ids)} endorsements await approval (a kept database?): no publications row")
        return None
    warm = PUBLICATIONS // 13
    size = (len(ids) - warm) // rounds
    approve_all(service, token, ids[:warm])
    await_logged()
    figures = {"on": [], "off": []}
    catch_up = []
    for r in range(rounds):
        batch = ids[warm + r * size: warm + (r + 1) * size]
        if r % 2 == 0:
            with SequencerHeld():
                figures["off"].append(approve_all(service, token, batch))
        else:
            figures["on"].append(approve_all(service, token, batch))
            catch_up.append(await_logged())
        await_logged()
    def total(runs):
        count = sum(size for _ in runs)
        seconds = sum(size / run["rps"] for run in runs)
        return {"rps": count / seconds, "p50_ms": max(run["p50_ms"] for run in runs),
                "p99_ms": max(run["p99_ms"] for run in runs),
                "errors": sum(run["errors"] for run in runs), "count": count}
    return total(figures["on"]), total(figures["off"]), max(catch_up)


def staleness(service, token, rounds=5):
    """Time from an endorsement's publication (an import's answer) until /counts shows it."""
    auth = {"Authorization": "Bearer " + token, "Content-Type": "text/csv"}
    worst = 0.0
    for r in range(rounds):
        _, before, _ = http("GET", service.base + f"/api/v1/letters/{SLUG}/counts")
        total = json.loads(before)["total"]
        row = f"stale-{uuid.uuid4()},ORGANISATION,Staleness Probe {uuid.uuid4()},FR,,,,false"
        status, body, _ = http("POST", service.base + f"/api/v1/admin/letters/{SLUG}/imports",
                               "reference,kind,name,country,website,contactName,contactEmail,"
                               "anonymous\r\n" + row + "\r\n", auth)
        published = time.monotonic()
        while True:
            _, now, _ = http("GET", service.base + f"/api/v1/letters/{SLUG}/counts")
            if json.loads(now)["total"] > total:
                break
            if time.monotonic() - published > 30:
                sys.exit("the counts never showed the publication")
            time.sleep(0.005)
        worst = max(worst, time.monotonic() - published)
    return worst


def nginx_limit(files, seconds, connections):
    """nginx, from Debian's package, serving the same bytes on loopback."""
    directory = tempfile.mkdtemp(prefix="undersigned-nginx-")
    # nginx's workers run as another user (nobody, www-data) when started by root: without these
    # modes every answer is a small 403, which is what the runs before 2026-11-28 15:00 measured.
    os.chmod(directory, 0o755)
    port = free_port()
    for name, content in files.items():
        with open(os.path.join(directory, name), "wb") as f:
            f.write(content)
        os.chmod(os.path.join(directory, name), 0o644)
    config = os.path.join(directory, "nginx.conf")
    with open(config, "w") as f:
        f.write(f"""
worker_processes 2;
daemon off;
pid {directory}/nginx.pid;
error_log {directory}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types {{ application/json json; text/plain txt; }}
  server {{
    listen 127.0.0.1:{port};
    root {directory};
  }}
}}
""")
    process = subprocess.Popen(["nginx", "-c", config, "-p", directory],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        results = {}
        for name, content in files.items():
            url = f"http://127.0.0.1:{port}/{name}"
            status, body, _ = http("GET", url)
            if status != 200 or body != content:
                sys.exit(f"nginx does not serve the same bytes for {name}: status {status},"
                         f" {len(body)} bytes; see {directory}/error.log")
            results[name] = wrk(url, seconds, connections)
            if results[name]["errors_status"]:
                sys.exit(f"nginx answered {name} with errors: {results[name]}")
        return results
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(directory, ignore_errors=True)


# What a submission commits, in one transaction: the hits on its four rate-limit buckets (the
# service's statement; the service commits them in a transaction of their own, without waiting for
# the disk), the endorsement and its outbox row.
PGBENCH_SUBMISSION = """
\\set n random(1, 2000000000)
\\set s random(0, 7)
BEGIN;
WITH input AS (SELECT t.bucket, date_trunc('hour', now()) AS window_start, t.ord
  FROM unnest(ARRAY['pgbench:address:127.0.0.1#' || :s, 'pgbench:email:' || md5('e' || :n) || '#' || :s,
    'pgbench:domain:bench.example#' || :s, 'pgbench:mail:' || md5('e' || :n) || '#' || :s])
  WITH ORDINALITY AS t(bucket, ord)),
hit AS (INSERT INTO rate_limit_counters (bucket, window_start, hits)
  SELECT bucket, window_start, 1 FROM input ORDER BY bucket
  ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counters.hits + 1
  RETURNING bucket, window_start, hits)
SELECT h.hits + coalesce((SELECT sum(c.hits) FROM rate_limit_counters c
  WHERE c.bucket = ANY(ARRAY(SELECT regexp_replace(i.bucket, '#[0-9]+$', '') || '#' || g
    FROM generate_series(0, 7) g))
  AND c.bucket <> i.bucket AND c.window_start = i.window_start), 0)
FROM input i JOIN hit h ON h.bucket = i.bucket AND h.window_start = i.window_start ORDER BY i.ord;
INSERT INTO endorsements (id, letter_id, translation_id, kind, name, normalized_name, name_hash,
  search_key, collation_key, country, website, anonymous, contact_name_sealed,
  contact_email_sealed, contact_email_hash, contact_domain_hash, client_network, language, status,
  source, crypto_generation, created_at, updated_at, version)
SELECT gen_random_uuid(), l.id, NULL, 'ORGANISATION', 'Pgbench Org ' || :n, 'pgbench org ' || :n,
  sha256(('n' || :n)::bytea), 'pgbench org ' || :n, NULL, 'FR', 'https://www.example.org', false,
  gen_random_bytes(45), gen_random_bytes(60), sha256(('e' || :n)::bytea),
  sha256('bench.example'::bytea), '127.0.0.0/24', 'en', 'PENDING_CONFIRMATION', 'WEB', 'bench',
  now(), now(), 0
FROM letters l WHERE l.slug = '""" + SLUG + """';
INSERT INTO outbox (id, kind, subject_id, payload, status, attempts, next_attempt_at, created_at)
VALUES (gen_random_uuid(), 'CONFIRMATION_MAIL', gen_random_uuid(), '{}', 'SENT', 0, now(), now());
COMMIT;
"""


# The same without the rate-limit hits: the stricter limit the runs before 2026-11-28 16:00 used.
PGBENCH_ROWS_ONLY = PGBENCH_SUBMISSION[:PGBENCH_SUBMISSION.index("WITH input")] + \
    PGBENCH_SUBMISSION[PGBENCH_SUBMISSION.index("INSERT INTO endorsements"):]


def pgbench_limit(seconds, connections, statements=PGBENCH_SUBMISSION):
    """pgbench committing a submission's statements, synchronous_commit on."""
    psql("CREATE EXTENSION IF NOT EXISTS pgcrypto", DATABASE)
    directory = tempfile.mkdtemp(prefix="undersigned-pgbench-")
    script = os.path.join(directory, "submission.sql")
    with open(script, "w") as f:
        f.write(statements)
    try:
        out = subprocess.run(
            ["pgbench", "-h", "127.0.0.1", "-U", "postgres", "-n", "-c", str(connections),
             "-j", "2", "-T", str(seconds), "-r", "-l", "--log-prefix",
             os.path.join(directory, "log"), "-f", script, DATABASE],
            capture_output=True, text=True, check=True, cwd=directory,
            env=dict(os.environ, PGOPTIONS="-c synchronous_commit=on")).stdout
        # One line per transaction: client, number, latency in microseconds, ...
        latencies = sorted(int(line.split()[2]) for name in os.listdir(directory)
                           if name.startswith("log") for line in open(os.path.join(directory, name)))
    finally:
        shutil.rmtree(directory, ignore_errors=True)
        # Its rows are not the service's (their sealed columns are random bytes): gone.
        # (Nothing refers to them: the self-reference of duplicates is not checked row by row.)
        psql("SET session_replication_role = replica;"
             " DELETE FROM endorsements WHERE crypto_generation = 'bench';"
             " DELETE FROM outbox WHERE status = 'SENT' AND sent_at IS NULL;"
             " DELETE FROM rate_limit_counters WHERE bucket LIKE 'pgbench:%'", DATABASE)
    tps = float(re.search(r"tps = ([0-9.]+)", out).group(1))
    latency = re.search(r"latency average = ([0-9.]+) ms", out)
    return {"rps": tps, "latency_avg_ms": float(latency.group(1)) if latency else None,
            "p50_ms": latencies[len(latencies) // 2] / 1000 if latencies else None,
            "p99_ms": latencies[len(latencies) * 99 // 100] / 1000 if latencies else None}


def submit_many(service, emails, clients, per_second=None):
    """Submits one signature per address from `clients` threads, each on a kept-alive connection,
    at once or paced at `per_second`; answers {address: when its 202 came (epoch seconds)}."""
    import http.client
    import queue
    import threading
    work = queue.Queue()
    for k, email in enumerate(emails):
        work.put((k, email))
    accepted = {}
    lock = threading.Lock()
    start = time.time()
    path = f"/api/v1/letters/{SLUG}/endorsements"

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", service.port, timeout=60)
        while True:
            try:
                k, email = work.get_nowait()
            except queue.Empty:
                conn.close()
                return
            if per_second:
                delay = start + k / per_second - time.time()
                if delay > 0:
                    time.sleep(delay)
            body = json.dumps({
                "kind": "ORGANISATION", "name": f"Mail Bench Org {email}", "country": "FR",
                "website": "https://www.example.org", "contactName": "Bench Signer",
                "contactEmail": email, "anonymous": False, "language": "en", "consent": True})
            try:
                conn.request("POST", path, body, {"Content-Type": "application/json"})
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", service.port, timeout=60)
                continue
            if response.status == 202:
                with lock:
                    accepted[email] = time.time()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return accepted


def arrivals(sink_log):
    """{recipient: when the sink took its first e-mail (epoch seconds)}."""
    seen = {}
    with open(sink_log) as f:
        for line in f:
            parts = line.split()
            for recipient in parts[1:]:
                seen.setdefault(recipient, float(parts[0]))
    return seen


def await_mails(sink_log, addresses, longest):
    deadline = time.time() + longest
    while True:
        seen = arrivals(sink_log)
        missing = [a for a in addresses if a not in seen]
        if not missing or time.time() > deadline:
            return seen, missing
        time.sleep(0.2)


def bench_addresses(run, count):
    """Signers' addresses spread over 21 domains as a campaign's are: 30 % at one big provider."""
    return [f"m{run}-{n}@" + ("big.bench.example" if n % 10 < 3 else f"d{n % 20}.bench.example")
            for n in range(count)]


def mail_pipeline(service, sink_log, burst=2000, steady_rate=100, steady_seconds=60):
    """From 202 to the confirmation e-mail at the sink: a burst, then a steady rate."""
    run = uuid.uuid4().hex[:8]
    log(f"mail: a burst of {burst} submissions from 16 clients")
    emails = bench_addresses(run + "b", burst)
    accepted = submit_many(service, emails, 16)
    last_202 = max(accepted.values())
    seen, missing_burst = await_mails(sink_log, list(accepted), 300)
    times = sorted(seen[a] for a in accepted if a in seen)
    burst_row = {
        "accepted": len(accepted), "missing": len(missing_burst),
        "after_last_202": (times[-1] - last_202) if times else float("nan"),
        "seconds_to_accept": last_202 - min(accepted.values()),
        # The outbox's own pace: the e-mails still queued at the last 202, over the time it took
        # to send them (no submission competing for the machine then).
        "backlog_at_last_202": sum(1 for t in times if t > last_202),
        "mails_per_second": (sum(1 for t in times if t > last_202) / (times[-1] - last_202))
        if times and times[-1] > last_202 else float("nan"),
    }
    log(f"mail: {steady_rate} submissions a second for {steady_seconds} s")
    emails = bench_addresses(run + "s", steady_rate * steady_seconds)
    accepted = submit_many(service, emails, 16, per_second=steady_rate)
    seen, missing_steady = await_mails(sink_log, list(accepted), 300)
    waits = sorted(seen[a] - accepted[a] for a in accepted if a in seen)
    steady_row = {
        "accepted": len(accepted), "missing": len(missing_steady),
        "p50": waits[len(waits) // 2] if waits else float("nan"),
        "p99": waits[int(len(waits) * 0.99)] if waits else float("nan"),
        "max": waits[-1] if waits else float("nan"),
    }
    return burst_row, steady_row


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    with open("/proc/meminfo") as f:
        memory = int(f.readline().split()[1]) // 1024 // 1024
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    postgres = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", "SHOW server_version"],
                              capture_output=True, text=True).stdout.strip()
    return (f"{os.cpu_count()} cores ({cpu}), {memory} GiB, {platform.system()} "
            f"{platform.release()}, {java}, PostgreSQL {postgres}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15, help="duration of each wrk run")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--endorsements", type=int, default=100_000)
    parser.add_argument("--no-build", action="store_true", help="use the jar already built")
    parser.add_argument("--output", default=None,
                        help="where to write the table (default: src/bench/results.md, or"
                             " target/bench-partial.md with --only or --keep-database)")
    parser.add_argument("--only", default=None,
                        help="comma-separated rows to run: json,text,page,counts,tile,submission,mail,log")
    parser.add_argument("--keep-database", action="store_true",
                        help="reuse the synthetic letter of the last run instead of loading it")
    parser.add_argument("--jfr", default=None, metavar="FILE",
                        help="record the measured service with Java Flight Recorder into FILE")
    parser.add_argument("--jvm-option", action="append", default=[],
                        help="one more option for the measured service's JVM (repeatable); with"
                             " -XX:NativeMemoryTracking=summary, the breakdown is written to"
                             " target/bench-nmt.txt after the runs")
    args = parser.parse_args()
    partial = args.only is not None or args.keep_database
    if args.output is None:
        args.output = os.path.join(ROOT, "target", "bench-partial.md") if partial \
            else os.path.join(BENCH, "results.md")
    only = set((args.only or "json,text,page,counts,tile,submission,mail,log").split(","))

    if not args.no_build:
        log("building the packaged service")
        subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "package", "-DskipTests",
                        "-Dspectral.skip"], cwd=ROOT, check=True)
    if not args.keep_database:
        log(f"fresh database {DATABASE}")
        psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        psql(f"CREATE DATABASE {DATABASE}")

    smtp_port = free_port()
    sink_log = os.path.join(ROOT, "target", "bench-mail.log")
    open(sink_log, "w").close()
    sink = subprocess.Popen([sys.executable, os.path.join(BENCH, "smtp_sink.py"), str(smtp_port),
                             sink_log])
    mail = None
    service = None
    try:
        # A first start migrates the schema and loads the bundled letter; the synthetic letter
        # is created through the API and filled by SQL; the next start completes its rows
        # (sealing, hashes, sort keys); the start that is measured is the one after, as every
        # ordinary start is.
        token = admin_token()
        load_seconds = float("nan")
        if not args.keep_database:
            first = Service(free_port_pair(), smtp_port)
            create_synthetic_letter(first, token)
            first.stop()
            log(f"inserting {args.endorsements} endorsements")
            insert_endorsements(args.endorsements, 33)
            completing = Service(free_port_pair(), smtp_port)
            load_seconds = completing.ready_seconds
            log(f"the start that sealed and keyed them took {load_seconds:.0f} s")
            completing.stop()
        # A start without a class-data archive, then a training start that records one (every
        # class the service loads, its paths exercised once) for the start that is measured.
        # Each start is timed three times (the median is reported): one start on this shared
        # machine can be half a second off.
        plain_starts = []
        for _ in range(3):
            plain = Service(free_port_pair(), smtp_port)
            plain_starts.append(plain.ready_seconds)
            plain.stop()
        log(f"ready in {', '.join(f'{t:.2f}' for t in plain_starts)} s without an archive")
        if os.path.exists(CDS_ARCHIVE):
            os.unlink(CDS_ARCHIVE)
        training = Service(free_port_pair(), smtp_port, [f"-XX:ArchiveClassesAtExit={CDS_ARCHIVE}"])
        exercise(training)
        training.stop()
        archived = [f"-XX:SharedArchiveFile={CDS_ARCHIVE}"]
        starts = []
        for _ in range(2):
            timed = Service(free_port_pair(), smtp_port, archived)
            starts.append(timed.ready_seconds)
            timed.stop()
        jfr = [f"-XX:StartFlightRecording=filename={os.path.abspath(args.jfr)},settings=profile"] \
            if args.jfr else []
        service = Service(free_port_pair(), smtp_port, archived + jfr + args.jvm_option)
        starts.append(service.ready_seconds)
        log(f"ready in {', '.join(f'{t:.2f}' for t in starts)} s with the archive")
        start_seconds = sorted(starts)[1]
        plain_seconds = sorted(plain_starts)[1]

        letter = f"{service.base}/api/v1/letters/{SLUG}"
        # The public log takes the synthetic letter's rows in batches (1,000 a second): measure
        # once it has caught up, so that no run shares the machine with that work.
        log_wait = time.monotonic()
        while time.monotonic() - log_wait < 600:
            status, body, _ = http("GET", letter + "/log/checkpoint")
            if status == 200 and int(body.decode().split("\n")[1]) > args.endorsements:
                break
            time.sleep(1)
        log(f"public log caught up after {time.monotonic() - log_wait:.0f} s more")
        # The mail pipeline first, while the outbox is empty (the wrk submissions below queue
        # tens of thousands of e-mails).
        if "mail" in only:
            mail = mail_pipeline(service, sink_log)
        # Publications with the public log kept and held off, before the wrk runs.
        published = publications(service, token) if "log" in only else None
        _, json_bytes, _ = http("GET", letter, headers={"Accept": "application/json"})
        _, text_bytes, _ = http("GET", letter, headers={"Accept": "text/plain"})
        log(f"letter JSON {len(json_bytes)} bytes, text/plain {len(text_bytes)} bytes")
        # Bytes on the wire for a caller that accepts gzip (a browser, a mobile app).
        wire = {}
        for name, accept in (("letter JSON", "application/json"), ("letter text/plain",
                                                                    "text/plain")):
            _, gz, headers = http("GET", letter, headers={"Accept": accept,
                                                          "Accept-Encoding": "gzip"})
            wire[name] = (len(gz), headers.get("Content-Encoding"))
        c = args.connections
        runs = [
            ("json", "letter JSON", letter, ["Accept: application/json"], "report.lua", c),
            ("text", "letter text/plain, 100,000 names", letter, ["Accept: text/plain"],
             "report.lua", c),
            ("page", "page of 50 signatories", letter + "/signatories?limit=50", [], "report.lua",
             c),
            ("counts", "counts", letter + "/counts", [], "report.lua", c),
            ("tile", "public log, a full tile (8 KB)", letter + "/log/tile/0/000", [],
             "report.lua", c),
            ("submission", "submission (POST)", letter + "/endorsements", [], "submit.lua", c),
            # The latency a signer sees when the machine is not saturated.
            ("submission", "submission (POST), 8 connections", letter + "/endorsements", [],
             "submit.lua", 8),
        ]
        runs = [r for r in runs if r[0] in only]
        # Warm up the JIT on every path before measuring.
        for _, _, path, headers, script, connections in runs:
            wrk(path, 5, connections, headers=headers, script=script)

        ours = {}
        for _, name, path, headers, script, connections in runs:
            ours[name] = wrk(path, args.seconds, connections, headers=headers, script=script)
        rss = service.rss_mb()
        peak = service.rss_mb("VmHWM")
        if any("NativeMemoryTracking" in o for o in args.jvm_option):
            with open(os.path.join(ROOT, "target", "bench-nmt.txt"), "w") as f:
                subprocess.run(["jcmd", str(service.process.pid), "VM.native_memory", "summary"],
                               stdout=f, check=False)
        stale = staleness(service, token)
        log("measuring nginx and pgbench")
        counts_bytes = http("GET", letter + "/counts")[1]
        tile_bytes = http("GET", letter + "/log/tile/0/000")[1]
        limits = nginx_limit({"letter.json": json_bytes, "letter.txt": text_bytes,
                              "counts.json": counts_bytes, "tile.bin": tile_bytes},
                             args.seconds, args.connections) \
            if only & {"json", "text", "counts", "tile"} else {}
        pg, pg_rows = ({"rps": None}, None)
        if "submission" in only:
            pg = pgbench_limit(args.seconds, args.connections)
            pg_rows = pgbench_limit(args.seconds, args.connections, PGBENCH_ROWS_ONLY)
    finally:
        if service:
            service.stop()
        sink.terminate()

    rows = [row for row in [
        ("letter JSON", ours.get("letter JSON"), limits.get("letter.json", {}).get("rps"),
         "nginx, same bytes", 0.50),
        ("letter text/plain, 100,000 names", ours.get("letter text/plain, 100,000 names"),
         limits.get("letter.txt", {}).get("rps"), "nginx, same bytes", 0.25),
        ("page of 50 signatories", ours.get("page of 50 signatories"), None, "", None),
        ("counts", ours.get("counts"), limits.get("counts.json", {}).get("rps"),
         "nginx, same bytes", 0.50),
        ("public log, a full tile (8 KB)", ours.get("public log, a full tile (8 KB)"),
         limits.get("tile.bin", {}).get("rps"), "nginx, same bytes", 0.50),
        ("submission (POST)", ours.get("submission (POST)"), pg.get("rps"),
         "pgbench, same statements, synchronous_commit on", 0.50),
        ("submission (POST), 8 connections", ours.get("submission (POST), 8 connections"), None,
         "", None),
    ] if row[1] is not None]
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark results",
        "",
        f"Run {today} by `src/bench/run.sh` on: {machine()}.",
        f"wrk: 2 threads, {args.connections} connections (the last row: 8), {args.seconds} s per run, loopback, "
        f"after a 5 s warm-up of each path. Service: the packaged jar, `{HEAP} {' '.join(JVM_OPTIONS)}`, "
        "`MALLOC_ARENA_MAX=2`; "
        f"a synthetic letter of {args.endorsements:,} published endorsements (3 % anonymous) "
        "beside the bundled one.",
        "",
        "| what | requests/s | p50 ms | p99 ms | non-2xx | limit (requests/s) | ratio | target |",
        "|---|---:|---:|---:|---:|---|---:|---|",
    ]
    for name, r, limit, what, target in rows:
        ratio = r["rps"] / limit if limit else None
        verdict = ""
        if target is not None:
            verdict = (f"≥ {target:.0%}: " + ("met" if ratio >= target else
                       f"missed by {target - ratio:.0%} of the limit"))
        if name == "submission (POST)":
            verdict += f"; p99 < 50 ms: {'met' if r['p99_ms'] < 50 else 'missed'}"
        lines.append(
            f"| {name} | {r['rps']:,.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
            f"{r['errors_status']} | {f'{limit:,.0f} ({what})' if limit else '—'} | "
            f"{f'{ratio:.0%}' if ratio is not None else '—'} | {verdict} |")
    lines += [
        "",
        f"- Start to ready (`/q/health/ready` answering 200), median of three starts, with the "
        f"class-data archive a training start recorded (`-XX:SharedArchiveFile`, see src/docs/performance.md): "
        f"**{start_seconds:.2f} s** ({', '.join(f'{t:.2f}' for t in starts)}; target < 3 s: "
        f"{'met' if start_seconds < 3 else 'missed'}); without an archive: "
        f"{plain_seconds:.2f} s ({', '.join(f'{t:.2f}' for t in plain_starts)}).",
        f"- Resident memory after the runs: **{rss:.0f} MB** with `{HEAP}` "
        f"(target < 300 MB: {'met' if rss < 300 else 'missed'}); at its peak (VmHWM) during "
        f"the runs: {peak:.0f} MB.",
        f"- Counts' staleness, publication to `/counts` showing it, worst of 5: "
        f"**{stale * 1000:.0f} ms** on the instance that published (another instance: at most "
        "`undersigned.http.render-cache`, 1 s, later). Target ≤ 5 s.",
        "- Bytes on the wire, asked with `Accept-Encoding: gzip`: letter JSON "
        f"{len(json_bytes):,} → {wire['letter JSON'][0]:,} ({wire['letter JSON'][1] or 'identity'}),"
        f" text/plain {len(text_bytes):,} → {wire['letter text/plain'][0]:,} "
        f"({wire['letter text/plain'][1] or 'identity'}).",
        f"- The start after loading {args.endorsements:,} endorsements by SQL, which sealed their "
        f"contact data and computed their hashes and sort keys: {load_seconds:.0f} s.",
    ]
    if pg_rows:
        submission = ours["submission (POST)"]
        lines += [
            f"- pgbench at {args.connections} clients, all of a submission's statements: "
            f"p50 {pg['p50_ms']:.1f} ms, p99 {pg['p99_ms']:.1f} ms (the database alone, no service"
            " in front). Without the rate-limit hits (the endorsement and outbox rows only): "
            f"{pg_rows['rps']:,.0f} tps, p50 {pg_rows['p50_ms']:.1f} ms, p99 "
            f"{pg_rows['p99_ms']:.1f} ms; the service's submissions are "
            f"{submission['rps'] / pg_rows['rps']:.0%} of that.",
        ]
    if published:
        on, off, catch_up = published
        ratio = on["rps"] / off["rps"]
        lines += [
            "",
            "Publications (moderators' approvals, 16 clients, each approval one publication) with "
            "the public log kept, and with its sequencer held off the letter (its advisory lock "
            "taken by the benchmark: the service logs nothing of it, as without a log); "
            f"{on['count']:,} of each, in alternate rounds after a warm-up, on the letter of "
            f"{args.endorsements:,}:",
            "",
            "| what | publications/s | p50 ms | p99 ms | non-2xx | target |",
            "|---|---:|---:|---:|---:|---|",
            f"| log held off | {off['rps']:,.0f} | {off['p50_ms']:.1f} | {off['p99_ms']:.1f} | "
            f"{off['errors']} | |",
            f"| log kept | {on['rps']:,.0f} | {on['p50_ms']:.1f} | {on['p99_ms']:.1f} | "
            f"{on['errors']} | **{ratio:.0%}** of held off; ≥ 80 %: "
            + ("met" if ratio >= 0.8 else f"missed by {0.8 - ratio:.0%}") + " |",
            "",
            f"- The log caught up (every publication in a signed checkpoint) at most "
            f"**{catch_up:.1f} s** after the last approval of a round (target: within 5 s).",
        ]
    if mail:
        burst, steady = mail
        lines += [
            "",
            "Mail pipeline, from a submission's `202` to its confirmation e-mail at a local SMTP "
            "sink that greets and accepts at once (`src/bench/smtp_sink.py`), addresses spread "
            "over 21 domains (30 % at one), the outbox's defaults (8 senders, 4 connections and "
            "100 e-mails a second per domain):",
            "",
            "| what | measured | target |",
            "|---|---:|---|",
            f"| burst of {burst['accepted']:,} submissions, 16 clients (accepted in "
            f"{burst['seconds_to_accept']:.1f} s): last e-mail after the last `202` | "
            f"{burst['after_last_202']:.1f} s | ≤ 20 s: "
            + ("met" if burst["after_last_202"] <= 20 else
               f"missed by {burst['after_last_202'] - 20:.1f} s") + " |",
            f"| e-mails a second, draining the {burst['backlog_at_last_202']:,} still queued at "
            f"the last `202` | {burst['mails_per_second']:,.0f} | ≥ 200: "
            + ("met" if burst["mails_per_second"] >= 200 else
               f"missed by {200 - burst['mails_per_second']:.0f}") + " |",
            f"| steady 100 submissions a second for 60 s ({steady['accepted']:,} accepted): "
            f"`202` to e-mail, p50 / p99 / max | {steady['p50']:.2f} / **{steady['p99']:.2f}** / "
            f"{steady['max']:.2f} s | p99 < 5 s: "
            + ("met" if steady["p99"] < 5 else f"missed by {steady['p99'] - 5:.2f} s") + " |",
            f"| e-mails missing, of {burst['accepted'] + steady['accepted']:,} accepted | "
            f"{burst['missing'] + steady['missing']} | 0: "
            + ("met" if burst["missing"] + steady["missing"] == 0 else "missed") + " |",
        ]
    lines += [
        "",
    ]
    with open(args.output, "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
