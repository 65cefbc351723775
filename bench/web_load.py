"""The client side of bench/web.py: C closed-loop HTTP/1.1 clients in one
asyncio process.

Each client holds one keep-alive connection and sends its next GET the
moment the previous answer has arrived (no think time, unless
``think_ms`` is given).  The requests are written and the answers parsed by
hand (status line, Content-Length or chunked body): a thread per client
with http.client cost the 2-core machine about as much CPU as the server
it measured.  The process reports its own CPU time, so a run shows what the
measuring cost.

    echo '{"port": 8000, "paths": ["/api/stats"], "clients": 50, "requests": 1000, "seconds": 60}' \
        | python bench/web_load.py
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
import time


async def _fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode("ascii"))
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length, chunked = None, False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status


async def run(port: int, paths: list[str], clients: int, requests: int, seconds: float,
              think_ms: float = 0.0, seed: int = 0) -> dict:
    timings: list[float] = []
    errors: list[str] = []
    left = [requests]
    deadline = time.perf_counter() + seconds

    async def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < deadline and left[0] > 0:
                left[0] -= 1
                path = rng.choice(paths)
                t0 = time.perf_counter()
                for attempt in (1, 2):
                    try:
                        status = await asyncio.wait_for(_fetch(reader, writer, path), 30)
                        break
                    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, asyncio.TimeoutError,
                            ValueError) as error:
                        status = type(error).__name__
                        writer.close()
                        reader, writer = await asyncio.open_connection("127.0.0.1", port)
                        # The server closes a keep-alive connection idle for 5 s (uvicorn's
                        # default); like a browser, send again once on a fresh one.
                        stale = (isinstance(error, (ConnectionResetError, BrokenPipeError))
                                 or isinstance(error, asyncio.IncompleteReadError) and not error.partial)
                        if not (stale and think_ms and attempt == 1):
                            break
                timings.append((time.perf_counter() - t0) * 1000)
                if status != 200:
                    errors.append(f"{status} {path}")
                if think_ms:
                    await asyncio.sleep(rng.expovariate(1 / think_ms) / 1000)
        finally:
            writer.close()

    cpu0, started = time.process_time(), time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu0
    timings.sort()

    def pick(q: float) -> float:
        return timings[min(len(timings) - 1, int(len(timings) * q))] if timings else float("nan")

    return {"requests": len(timings), "errors": len(errors), "first_errors": errors[:3], "p50_ms": pick(0.50),
            "p95_ms": pick(0.95), "p99_ms": pick(0.99), "max_ms": timings[-1] if timings else float("nan"),
            "per_s": len(timings) / wall, "wall_s": wall, "client_cpu_s": cpu}


def main() -> None:
    job = json.load(sys.stdin)
    result = asyncio.run(run(job["port"], job["paths"], job["clients"], job["requests"], job["seconds"],
                             job.get("think_ms", 0.0), job.get("seed", 0)))
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
