"""Benchmark: `chronik serve` under concurrent clients on 127.0.0.1.

Builds an archive of N articles by replicating and varying analysed
articles: the bundled samples plus 10kGNAD articles from ../shared (when
present) are analysed once with the default pipeline, then stored again
and again through the Archive API with other dates (so every copy is a
distinct article with its own id and its own place in time).  Starts
`chronik serve` in a subprocess, waits for its web index, then lets C
client threads (one keep-alive connection each) send search requests and
entity-page requests, each phase bounded by a request count and a time
limit.  Reports p50/p95/max latency and errors.

    .venv/bin/python bench/web.py --articles 2000
    .venv/bin/python bench/web.py --articles 100000 --dir bench/out/web --record

Targets (issue 7): with >= 100,000 articles and 50 clients, search p95
<= 100 ms, entity page p95 <= 200 ms, no errors.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import http.client
import json
import random
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
FIRST_DATE = _dt.date(2012, 1, 1)
DAYS = 4000

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
    from chronik.analysis import Analysis
    from chronik.archive import ArticleToStore, open_archive
    from chronik.document import Document, PartialDate
    from chronik.pipeline import default_pipeline

    started = time.perf_counter()
    pipeline = default_pipeline()
    analysed = [pipeline(doc) for doc in base_documents(bases)]
    analyse_s = time.perf_counter() - started
    started = time.perf_counter()
    with open_archive(db, create=True) as archive:
        pending = []
        # Resumable: copies are numbered, so an interrupted build continues where it stopped.
        for n in range(archive.stats().articles, articles):
            copy_no, base_no = divmod(n, len(analysed))
            base = analysed[base_no]
            # Copies of one base get distinct days (7 is coprime to DAYS), so
            # every (date, text) pair, hence every id, is new up to DAYS copies.
            day = FIRST_DATE + _dt.timedelta(days=(copy_no * 7 + base_no * 13) % DAYS)
            doc = base.document
            copy = Document(doc.text, PartialDate.parse(day), f"{doc.source}#{n}", doc.title, doc.url, doc.blocks)
            analysis = Analysis(copy, base.pipeline_version)
            analysis.layers.update(base.layers)
            pending.append(ArticleToStore(analysis, copy.source))
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


def load(port: int, paths: list[str], clients: int, requests: int, seconds: float) -> dict:
    """`clients` threads send `requests` GETs in all (or stop after `seconds`)."""
    timings: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(requests))
    deadline = time.perf_counter() + seconds

    def client(seed: int) -> None:
        rng = random.Random(seed)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < deadline:
            with lock:
                if next(counter, None) is None:
                    break
            path = rng.choice(paths)
            t0 = time.perf_counter()
            try:
                status, _ = get(connection, path)
            except (OSError, http.client.HTTPException) as error:
                status, connection = f"{type(error).__name__}", http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = (time.perf_counter() - t0) * 1000
            with lock:
                timings.append(elapsed)
                if status != 200:
                    errors.append(f"{status} {path}")
        connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    timings.sort()
    pick = lambda q: timings[min(len(timings) - 1, int(len(timings) * q))] if timings else float("nan")  # noqa: E731
    return {"requests": len(timings), "errors": len(errors), "first_errors": errors[:3], "p50_ms": pick(0.50),
            "p95_ms": pick(0.95), "max_ms": timings[-1] if timings else float("nan"), "per_s": len(timings) / wall}


def entity_paths(port: int, count: int) -> list[str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    ids: list[str] = []
    for page in range(1, count // 100 + 2):
        status, body = get(connection, f"/api/entities?size=100&page={page}")
        ids += [e["id"] for e in json.loads(body)["entities"]] if status == 200 else []
    connection.close()
    return [f"/entities/{entity_id}" for entity_id in ids[:count]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--bases", type=int, default=300, help="distinct analysed articles to replicate")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1, help="`chronik serve --workers`")
    parser.add_argument("--requests", type=int, default=3000, help="requests per phase")
    parser.add_argument("--seconds", type=float, default=120, help="time limit per phase")
    parser.add_argument("--entities", type=int, default=300, help="distinct entity pages requested")
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
        searches = [f"/api/search?q={quote(q)}{d}" for q in QUERIES for d in DATE_FILTERS]
        search = load(port, searches, args.clients, args.requests, args.seconds)
        print(f"search: {search}", flush=True)
        pages = entity_paths(port, args.entities)
        entity = load(port, pages, args.clients, args.requests, args.seconds)
        print(f"entity pages: {entity}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)

    command = "python bench/web.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    report = "\n".join([
        f"### Web server under load ({_dt.date.today().isoformat()})",
        "",
        f"Command: `{command}`",
        "",
        f"* archive: {stats['articles']:,} articles ({built['bases']} analysed articles replicated with other dates; "
        f"analysed in {built['analyse_s']:.0f} s, last {'resumed ' if args.reuse else ''}store {built['store_s']:.0f} s), "
        f"{stats['sentences']:,} sentences, "
        f"{stats['entities']:,} entities; web index built in {index_s:.0f} s on first start",
        f"* server: `chronik serve --workers {args.workers}`; clients: {args.clients} threads of this script on the same machine",
        f"* search (`/api/search`, {len(QUERIES)} queries x {len(DATE_FILTERS)} date filters), {args.clients} clients: "
        f"{search['requests']} requests, p50 {search['p50_ms']:.0f} ms, **p95 {search['p95_ms']:.0f} ms** "
        f"(target <= 100), max {search['max_ms']:.0f} ms, {search['per_s']:.0f} requests/s, errors {search['errors']}",
        f"* entity page (`/entities/ID` HTML, {len(pages)} entities), {args.clients} clients: "
        f"{entity['requests']} requests, p50 {entity['p50_ms']:.0f} ms, **p95 {entity['p95_ms']:.0f} ms** "
        f"(target <= 200), max {entity['max_ms']:.0f} ms, {entity['per_s']:.0f} requests/s, errors {entity['errors']}",
        "",
    ])
    print(report)
    if args.record:
        with RESULTS.open("a", encoding="utf-8") as results:
            results.write("\n" + report)


if __name__ == "__main__":
    main()
