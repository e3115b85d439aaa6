"""Throughput, latency and memory of the portal under gunicorn, against a throwaway demo site.

Usage: .venv/bin/python bench/run.py [--duration SECONDS] [--memory-requests N] [--keep]

Builds a fresh SQLite database with the demo content in a temporary directory, serves it
with gunicorn (2 sync workers, production settings), and measures each page as a share of
the throughput of /healthz, the cheapest Django view. See bench/README.md.

Exits non-zero only when the benchmark itself fails (a command, the server or a request);
a missed target is reported as FAIL in the output and in bench/results/latest.json.
"""

import argparse
import http.client
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
HOST = "127.0.0.1"
WORKERS = 2
CONCURRENCY = 8
WARMUP_SECONDS = 2.0
REQUEST_TIMEOUT = 30
MEMORY_TIME_LIMIT = 100  # seconds: keeps `make bench` near three minutes on a slow home page

HOME_TARGET = 0.08  # the home page serves at least 8 % of the baseline's requests per second
RSS_GROWTH_LIMIT = 0.10  # the workers' memory grows by at most 10 % over the memory run

FIND_URLS = """
import json
from wagtail.models import Locale
from home.models import BranchPage, StandardPage
french = Locale.get_default()
branch = BranchPage.objects.live().public().filter(locale=french).order_by("path").first()
standard = StandardPage.objects.live().public().filter(locale=french).order_by("path").first()
print("BENCH_URLS=" + json.dumps({"branch": branch and branch.url, "standard": standard and standard.url}))
"""


class BenchError(Exception):
    """The benchmark could not run or measure; its numbers would mean nothing."""


def log(message):
    print(message, flush=True)


# Setting up ------------------------------------------------------------------------------


def bench_environment(workdir):
    env = os.environ.copy()
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "ERROR",
            "PYTHONUNBUFFERED": "1",
        }
    )
    # The bench measures the embedded default: no Redis, no search server.
    for name in ("REDIS_URL", "ELASTICSEARCH_URL", "OPENSEARCH_URL"):
        env.pop(name, None)
    return env


def manage(env, *args, capture=False):
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BenchError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    if not capture:
        log(f"  manage.py {' '.join(args)}: {time.monotonic() - started:.1f} s")
    return result.stdout


def find_urls(env):
    output = manage(env, "shell", "-c", FIND_URLS, capture=True)
    for line in output.splitlines():
        if line.startswith("BENCH_URLS="):
            urls = json.loads(line.removeprefix("BENCH_URLS="))
            missing = [name for name, url in urls.items() if not url]
            if missing:
                raise BenchError(f"The demo site has no live French {', '.join(missing)} page.")
            return urls
    raise BenchError(f"Could not read the page addresses from manage.py shell:\n{output}")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "portal.wsgi:application",
        "--workers",
        str(WORKERS),
        "--worker-class",
        "sync",
        "--bind",
        f"{HOST}:{port}",
        "--log-level",
        "warning",
        "--timeout",
        "60",
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603


def wait_until_ready(server, port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited with status {server.returncode} while starting.")
        try:
            status, _body = fetch(port, "/healthz")
        except OSError:
            time.sleep(0.2)
            continue
        if status == 200:
            return
        raise BenchError(
            f"/healthz answered {status}: wire it in portal/urls.py with "
            '`path("healthz", health.healthz, name="healthz")` (from portal import health).'
        )
    raise BenchError(f"gunicorn did not answer within {timeout} s.")


def stop_gunicorn(server):
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# Measuring -------------------------------------------------------------------------------


def fetch(port, path):
    """One request on a new connection, as gunicorn's sync workers close after each one."""
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request("GET", path, headers={"Accept-Language": "fr", "Connection": "close"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def load(port, path, *, seconds=None, requests=None):
    """Keep CONCURRENCY requests in flight until the time or the request count runs out.

    Returns the latencies in seconds, the wall time and the failures.
    """
    latencies = []
    failures = []
    lock = threading.Lock()
    issued = 0
    started = time.perf_counter()
    deadline = started + (seconds if seconds is not None else MEMORY_TIME_LIMIT)

    def take_ticket():
        nonlocal issued
        with lock:
            if requests is not None and issued >= requests:
                return False
            issued += 1
            return True

    def client():
        while time.perf_counter() < deadline and take_ticket():
            begin = time.perf_counter()
            try:
                status, _body = fetch(port, path)
            except OSError as error:
                failures.append(f"{path}: {error}")
                continue
            elapsed = time.perf_counter() - begin
            if status != 200:
                failures.append(f"{path}: HTTP {status}")
            else:
                latencies.append(elapsed)

    with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        for future in [pool.submit(client) for _ in range(CONCURRENCY)]:
            future.result()
    return latencies, time.perf_counter() - started, failures


def percentile(values, fraction):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def measure(port, name, path, seconds):
    load(port, path, seconds=WARMUP_SECONDS)
    latencies, wall, failures = load(port, path, seconds=seconds)
    if failures:
        raise BenchError(f"{len(failures)} failed requests on {path}, first: {failures[0]}")
    return {
        "name": name,
        "path": path,
        "requests": len(latencies),
        "seconds": round(wall, 2),
        "requests_per_second": round(len(latencies) / wall, 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 2),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 2),
    }


def worker_pids(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    if children.exists():
        return sorted(int(pid) for pid in children.read_text().split())
    pids = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(master_pid):
            pids.append(int(status.parent.name))
    return sorted(pids)


def rss_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise BenchError(f"No VmRSS for process {pid}.")


def measure_memory(port, master_pid, path, requests):
    before_pids = worker_pids(master_pid)
    if len(before_pids) != WORKERS:
        raise BenchError(f"Expected {WORKERS} gunicorn workers, found {before_pids}.")
    before = {pid: rss_kib(pid) for pid in before_pids}
    latencies, wall, failures = load(port, path, requests=requests)
    if failures:
        raise BenchError(f"{len(failures)} failed requests on {path}, first: {failures[0]}")
    after_pids = worker_pids(master_pid)
    if after_pids != before_pids:
        raise BenchError(f"gunicorn replaced workers during the memory run: {before_pids} → {after_pids}.")
    after = {pid: rss_kib(pid) for pid in after_pids}
    total_before, total_after = sum(before.values()), sum(after.values())
    return {
        "path": path,
        "requests": len(latencies),
        "seconds": round(wall, 1),
        "workers": [
            {
                "pid": pid,
                "rss_before_mib": round(before[pid] / 1024, 1),
                "rss_after_mib": round(after[pid] / 1024, 1),
            }
            for pid in before_pids
        ],
        "rss_before_mib": round(total_before / 1024, 1),
        "rss_after_mib": round(total_after / 1024, 1),
        "growth_mib": round((total_after - total_before) / 1024, 1),
        "growth_percent": round(100 * (total_after - total_before) / total_before, 1),
    }


# Reporting -------------------------------------------------------------------------------


def print_table(results):
    log("")
    log(f"{'page':<10} {'URL':<44} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}  of baseline")
    for row in results:
        share = "baseline" if row["name"] == "baseline" else f"{row['percent_of_baseline']:.1f} % of baseline"
        log(
            f"{row['name']:<10} {row['path']:<44} {row['requests_per_second']:>8.1f} "
            f"{row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f}  {share}"
        )


def verdict(passed):
    return "PASS" if passed else "FAIL"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=8.0, help="seconds of measurement per URL")
    parser.add_argument(
        "--memory-requests", type=int, default=10_000, help="home page requests in the memory run"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary directory (database, static files)"
    )
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bibo-bench-"))
    env = bench_environment(workdir)
    server = None
    began = time.monotonic()
    try:
        log(f"Building the demo site in {workdir}")
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        manage(env, "load_demo", "--force")
        urls = find_urls(env)
        pages = [
            ("baseline", "/healthz"),
            ("home", "/fr/"),
            ("branch", urls["branch"]),
            ("standard", urls["standard"]),
        ]

        port = free_port()
        log(f"Starting gunicorn: {WORKERS} sync workers on {HOST}:{port}; {CONCURRENCY} concurrent clients")
        server = start_gunicorn(env, port)
        wait_until_ready(server, port)

        results = []
        for name, path in pages:
            results.append(measure(port, name, path, options.duration))
            log(f"  {name}: {results[-1]['requests_per_second']} req/s")
        baseline = results[0]["requests_per_second"]
        for row in results:
            row["ratio_to_baseline"] = round(row["requests_per_second"] / baseline, 4)
            row["percent_of_baseline"] = round(100 * row["requests_per_second"] / baseline, 1)
        print_table(results)

        log(f"\nMemory: {options.memory_requests} requests to /fr/")
        memory = measure_memory(port, server.pid, "/fr/", options.memory_requests)
        memory["complete"] = memory["requests"] >= options.memory_requests
        if not memory["complete"]:
            log(f"  stopped at the {MEMORY_TIME_LIMIT} s limit, after {memory['requests']} requests")
        for worker in memory["workers"]:
            log(f"  worker {worker['pid']}: {worker['rss_before_mib']} → {worker['rss_after_mib']} MiB")
        log(
            f"  total RSS {memory['rss_before_mib']} → {memory['rss_after_mib']} MiB: "
            f"{memory['growth_mib']:+} MiB ({memory['growth_percent']:+} %)"
        )

        home = next(row for row in results if row["name"] == "home")
        verdicts = {
            "home_throughput": {
                "target": f"home ≥ {100 * HOME_TARGET:.0f} % of baseline",
                "measured": f"{home['percent_of_baseline']} %",
                "passed": home["ratio_to_baseline"] >= HOME_TARGET,
            },
            "rss_growth": {
                "target": f"RSS growth ≤ {100 * RSS_GROWTH_LIMIT:.0f} % over {memory['requests']} requests",
                "measured": f"{memory['growth_percent']} %",
                "passed": memory["growth_percent"] <= 100 * RSS_GROWTH_LIMIT,
            },
        }
        log("")
        for item in verdicts.values():
            log(f"{verdict(item['passed'])}  {item['target']}: {item['measured']}")

        report = {
            "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "duration_seconds": round(time.monotonic() - began, 1),
            "machine": {
                "cpus": os.cpu_count(),
                "load_average": os.getloadavg(),
                "python": platform.python_version(),
                "platform": platform.platform(),
            },
            "setup": {
                "settings": env["DJANGO_SETTINGS_MODULE"],
                "database": "SQLite",
                "server": f"gunicorn, {WORKERS} sync workers",
                "concurrency": CONCURRENCY,
                "seconds_per_url": options.duration,
                "warmup_seconds": WARMUP_SECONDS,
            },
            "results": results,
            "memory": memory,
            "verdicts": verdicts,
        }
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        log(f"\nResults written to {RESULTS} ({report['duration_seconds']} s in all).")
    except BenchError as error:
        log(f"\nBENCH ERROR: {error}")
        return 1
    finally:
        if server is not None:
            stop_gunicorn(server)
        if options.keep:
            log(f"Kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
