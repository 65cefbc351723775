"""Benchmark: `chronik serve` under concurrent clients on 127.0.0.1.

Builds an archive of N articles by replicating and varying analysed
articles: the bundled samples plus 10kGNAD articles from ../shared (when
present) are analysed once with the default pipeline, then stored again
and again through the Archive API with other dates (so every copy is a
distinct article with its own id and its own place in time).  Starts
`chronik serve` in a subprocess, waits for its web index, then lets C
clients (bench/web_load.py: one asyncio process, one keep-alive connection
per client, each sending its next request as soon as the answer arrived)
send search requests (hundreds of distinct queries drawn from the archive's
sentences, three date filters) and entity-page requests (every entity),
each phase bounded by a request count and a time limit.  Reports
p50/p95/p99/max latency, requests/s and errors, and what the run cost:
CPU time of server and client, and the machine's load average.

    .venv/bin/python bench/web.py --articles 2000
    .venv/bin/python bench/web.py --articles 100000 --dir bench/out/web --record
    .venv/bin/python bench/web.py --articles 100000 --dir bench/out/web --reuse --think-ms 500

Targets (issue 7): with >= 100,000 articles and 50 clients, search p95
<= 100 ms, entity page p95 <= 200 ms, no errors.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import http.client
import json
import os
import random
import re
import shlex
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "10kgnad-test.csv"
RESULTS = ROOT / "bench" / "RESULTS.md"

QUERIES = [
    "Regierung", "Gespräche", "Wahl", "Polizei", "Euro", "Gericht", "Opposition Kritik", "Koalition",
    "Gewerkschaft", "Warnstreik", "Wasserstoff", '"Europäische Union"', "Unternehmen Gewinn", "Schlichtung",
    "Bürgermeister", "Studie", "Präsident sagte", "Norwegen", "Tarifverhandlungen", "Schule",
]
DATE_FILTERS = ["", "&from=2015&to=2016-06", "&from=2020-03-01"]


def base_documents(limit: int) -> list:
    from chronik.document import Document
    from chronik.readers import iter_documents

    # (name, document or error) per file; the samples all read.
    docs = [doc for _, doc in iter_documents([str(ROOT / "chronik" / "samples")]) if isinstance(doc, Document)]
    if CORPUS.is_file():
        with CORPUS.open(encoding="utf-8") as handle:
            for n, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
                if len(docs) >= limit:
                    break
                if len(row) >= 2:
                    docs.append(Document.from_text(row[1], "2016-05-01", source=f"10kgnad:{n}"))
    return docs[:limit]


def build_archive(db: Path, articles: int, bases: int, batch: int) -> dict:
    from chronik.archive import ArticleToStore, open_archive
    from replicate import redated_copy
    from chronik.pipeline import default_pipeline

    if db.exists():
        with open_archive(db) as archive:
            if archive.stats().articles >= articles:
                return {"bases": bases, "analyse_s": 0.0, "store_s": 0.0}
    started = time.perf_counter()
    pipeline = default_pipeline()
    analysed = [pipeline(doc) for doc in base_documents(bases)]
    analyse_s = time.perf_counter() - started
    started = time.perf_counter()
    with open_archive(db, create=True) as archive:
        pending = []
        # Resumable: copies are numbered, so an interrupted build continues where it stopped.
        for n in range(archive.stats().articles, articles):
            analysis = redated_copy(analysed, n)
            pending.append(ArticleToStore(analysis, analysis.document.source))
            if len(pending) >= batch:
                archive.store_batch(pending)
                pending = []
        archive.store_batch(pending)
    return {"bases": len(analysed), "analyse_s": analyse_s, "store_s": time.perf_counter() - started}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(connection: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read()


def wait_for_server(port: int, timeout: float) -> float:
    """Wait until the server answers and its web index is built; return seconds."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            status, _ = get(connection, "/api/stats")  # builds the web index on first use
            connection.close()
            if status == 200:
                return time.perf_counter() - started
        except OSError:
            time.sleep(0.2)
    sys.exit(f"bench/web.py: the server did not answer within {timeout:.0f} s")


def load(port: int, paths: list[str], clients: int, requests: int, seconds: float, think_ms: float = 0.0,
         server_pids: list[int] = ()) -> dict:
    """`clients` closed-loop clients (bench/web_load.py, one asyncio process)
    send `requests` GETs in all, or stop after `seconds`; meanwhile the load
    average and the CPU time of server and client are recorded."""
    import psutil

    job = {"port": port, "paths": paths, "clients": clients, "requests": requests, "seconds": seconds,
           "think_ms": think_ms}
    servers = [psutil.Process(pid) for pid in server_pids]
    servers += [child for server in list(servers) for child in server.children(recursive=True)]
    server_cpu = sum(sum(proc.cpu_times()[:2]) for proc in servers)
    loads: list[float] = []
    done = threading.Event()

    def sample_load() -> None:
        while not done.wait(1.0):
            loads.append(os.getloadavg()[0])

    sampler = threading.Thread(target=sample_load, daemon=True)
    sampler.start()
    client = subprocess.run([sys.executable, str(ROOT / "bench" / "web_load.py")], input=json.dumps(job),
                            capture_output=True, text=True, check=True)
    done.set()
    result = json.loads(client.stdout)
    result["server_cpu_s"] = sum(sum(proc.cpu_times()[:2]) for proc in servers) - server_cpu
    result["load_avg"] = (min(loads), max(loads)) if loads else os.getloadavg()[:1] * 2
    return result


def entity_paths(port: int, count: int) -> list[str]:
    """Every entity page (or the `count` most mentioned ones)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    ids: list[str] = []
    page = 1
    while len(ids) < count:
        status, body = get(connection, f"/api/entities?size=100&page={page}")
        found = [e["id"] for e in json.loads(body)["entities"]] if status == 200 else []
        ids += found
        if not found or page * 100 >= 10_000:  # the API's deepest page
            break
        page += 1
    connection.close()
    return [f"/entities/{entity_id}" for entity_id in ids[:count]]


_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{3,}")


def query_mix(db: Path, words: int, pairs: int, seed: int = 7) -> list[str]:
    """Search queries a reader might type: `words` capitalised words (nouns and
    names) drawn from the archive's sentences by frequency, `pairs` two-word
    queries from one sentence, plus the fixed QUERIES."""
    import sqlite3
    from collections import Counter

    rng = random.Random(seed)
    archive = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    sentences = [text for (text,) in archive.execute("SELECT text FROM sentences WHERE doc_key <= 300")]
    archive.close()
    counts = Counter(word for text in sentences for word in _WORD.findall(text))
    vocabulary, weights = list(counts), list(counts.values())
    chosen: dict[str, None] = dict.fromkeys(QUERIES)
    while len(chosen) < len(QUERIES) + min(words, len(vocabulary)):
        chosen[rng.choices(vocabulary, weights)[0]] = None
    multi = [ws for ws in (_WORD.findall(text) for text in sentences) if len(set(ws)) >= 2]
    while multi and len(chosen) < len(QUERIES) + words + pairs:
        chosen[" ".join(rng.sample(sorted(set(rng.choice(multi))), 2))] = None
    return list(chosen)


def _phase_line(name: str, result: dict, target: int | None) -> str:
    n = max(result["requests"], 1)
    wanted = f" (target <= {target})" if target else ""
    return (f"{name}: {result['requests']} requests, p50 {result['p50_ms']:.0f} ms, **p95 {result['p95_ms']:.0f} ms**"
            f"{wanted}, p99 {result['p99_ms']:.0f} ms, max {result['max_ms']:.0f} ms, {result['per_s']:.0f} requests/s, "
            f"errors {result['errors']}; CPU per request: server {1000 * result['server_cpu_s'] / n:.1f} ms, "
            f"client {1000 * result['client_cpu_s'] / n:.1f} ms; the server got "
            f"{result['server_cpu_s'] / result['wall_s']:.2f} cores; load average "
            f"{result['load_avg'][0]:.1f}-{result['load_avg'][1]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--bases", type=int, default=300, help="distinct analysed articles to replicate")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--think-ms", type=float, default=0.0,
                        help="mean pause of a client between answer and next request (0: back to back)")
    parser.add_argument("--workers", type=int, default=2, help="`chronik serve --workers`")
    parser.add_argument("--requests", type=int, default=3000, help="requests per phase")
    parser.add_argument("--seconds", type=float, default=120, help="time limit per phase")
    parser.add_argument("--words", type=int, default=400, help="one-word queries drawn from the archive's sentences")
    parser.add_argument("--pairs", type=int, default=100, help="two-word queries drawn from the archive's sentences")
    parser.add_argument("--single", type=int, default=200,
                        help="requests of one client alone per kind, before the loaded phases (0: none)")
    parser.add_argument("--entities", type=int, default=10_000, help="entity pages requested (most mentioned first)")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--dir", type=Path, default=ROOT / "bench" / "out" / "web")
    parser.add_argument("--reuse", action="store_true",
                        help="keep the archive in --dir and add copies until it holds --articles")
    parser.add_argument("--record", action="store_true", help="append the results to bench/RESULTS.md")
    args = parser.parse_args()

    args.dir.mkdir(parents=True, exist_ok=True)
    db = args.dir / "web.db"
    if not args.reuse:
        for stale in args.dir.glob("web.db*"):
            stale.unlink()
    built = build_archive(db, args.articles, args.bases, args.batch_size)
    print(f"archive built: {built}", flush=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "chronik", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(args.workers)],
                              cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        index_s = wait_for_server(port, timeout=3600)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        stats = json.loads(get(connection, "/api/stats")[1])
        connection.close()
        queries = query_mix(db, args.words, args.pairs)
        searches = [f"/api/search?q={quote(q)}{d}" for q in queries for d in DATE_FILTERS]
        pages = entity_paths(port, args.entities)
        single = {}
        if args.single:  # one client alone: the cost of a request without a queue
            single["search"] = load(port, searches, 1, args.single, args.seconds, 0.0, [server.pid])
            single["entity"] = load(port, pages, 1, args.single, args.seconds, 0.0, [server.pid])
            print(f"one client: {single}", flush=True)
        search = load(port, searches, args.clients, args.requests, args.seconds, args.think_ms, [server.pid])
        print(f"search: {search}", flush=True)
        entity = load(port, pages, args.clients, args.requests, args.seconds, args.think_ms, [server.pid])
        print(f"entity pages: {entity}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)

    command = "python bench/web.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    pause = f", mean think time {args.think_ms:.0f} ms" if args.think_ms else ", back to back (closed loop)"
    report = "\n".join([
        f"### Web server under load ({_dt.date.today().isoformat()})",
        "",
        f"Command: `{command}`",
        "",
        f"* archive: {stats['articles']:,} articles ({built['bases']} analysed articles replicated with other dates; "
        f"analysed in {built['analyse_s']:.0f} s, last {'resumed ' if args.reuse else ''}store {built['store_s']:.0f} s), "
        f"{stats['sentences']:,} sentences, "
        f"{stats['entities']:,} entities; web index ready after {index_s:.0f} s",
        f"* server: `chronik serve --workers {args.workers}`; clients: {args.clients} keep-alive connections of "
        f"bench/web_load.py (one asyncio process) on the same machine{pause}",
        f"* search (`/api/search`, {len(queries)} distinct queries x {len(DATE_FILTERS)} date filters): "
        + _phase_line("", search, 100).lstrip(": "),
        f"* entity page (`/entities/ID` HTML, {len(pages)} entities): " + _phase_line("", entity, 200).lstrip(": "),
        *[f"* one client alone, {kind}: " + _phase_line("", result, None).lstrip(": ") for kind, result in single.items()],
        "",
    ])
    print(report)
    if args.record:
        with RESULTS.open("a", encoding="utf-8") as results:
            results.write("\n" + report)


if __name__ == "__main__":
    main()
