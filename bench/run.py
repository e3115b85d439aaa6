"""Throughput and memory of the public pages under gunicorn, measured with wrk against the demo site.

Usage: .venv/bin/python bench/run.py [--duration SECONDS] [--rounds N] [--keep] [--workdir DIR]

Builds a fresh SQLite database with the demo content (`manage.py load_demo --force`) in a
temporary directory, serves it with gunicorn (2 sync workers, production settings), and
measures one page of each public page type as a share of the throughput of /healthz, the
cheapest Django view, measured in the same round. See bench/README.md.

Exit status: 0 when every target is met, 1 when a target is missed, 2 when the benchmark
itself could not run (a command, the server, wrk or a request failed).
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
HOST = "127.0.0.1"
WORKERS = 2
WRK_THREADS = 2
WRK_CONNECTIONS = 8
WARMUP_SECONDS = 2
BASELINE = ("baseline", "/healthz")

# Targets: a page type's median throughput as a share of /healthz's, uncached.
DEFAULT_TARGET = 0.08
TARGETS = {"homepage": 0.10}

# Memory: each worker's resident memory, read after the warm-up and again after at least
# MEMORY_REQUESTS page requests, grows by no more than RSS_TOLERANCE (a share of its size).
MEMORY_REQUESTS = 10_000
RSS_TOLERANCE = 0.03
MEMORY_TIME_LIMIT = 90  # seconds of extra load at most, when the rounds made too few requests

# Pages that are not Wagtail pages of their own type (views such as a search page), as
# (name, French path). Every live public page type of the demo is found by itself.
EXTRA_PAGES = []

# The page of a type that is measured, by slug, when the demo has one that does more work
# than the first of its type; otherwise the first page of the type in the tree is measured.
PREFERRED_SLUGS = {"standardpage": "emprunter-et-rendre", "branchpage": "mediatheque-centrale"}

FIND_PAGES = """
import json
from django.utils import translation
from wagtail.models import Locale, Page
preferred = json.loads(PREFERRED)
french = Locale.get_default()
found = {}
pages = Page.objects.live().public().filter(locale=french, depth__gt=1).specific().order_by("path")
for page in pages:
    key = page._meta.model_name
    if key not in found or page.slug == preferred.get(key):
        with translation.override("en"):
            label = str(page._meta.verbose_name)
        found[key] = {"name": key, "label": label, "path": page.get_url(), "title": page.title}
print("BENCH_PAGES=" + json.dumps(list(found.values())))
"""

# wrk calls done() once at the end: hand the numbers over as one JSON line.
WRK_REPORT = """
wrk.headers["Accept-Language"] = "fr"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_WRK {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, '
    .. '"status": %d, "timeout": %d, "p50_us": %d, "p99_us": %d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""

# The memory top-up: every page in turn.
WRK_ROTATE = """
paths = {PATHS}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
"""


class BenchError(Exception):
    """The benchmark could not run or measure; its numbers would mean nothing."""


def log(message=""):
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
            "WAGTAILADMIN_BASE_URL": f"http://{HOST}",
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


def build_site(env):
    """The demo site, built by the one demo builder, as `make demo` and the browser tests do."""
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "load_demo", "--force", "-v", "0")


def find_pages(env):
    """One page of each live, public page type of the French demo tree, then the extra views."""
    script = f"PREFERRED = {json.dumps(json.dumps(PREFERRED_SLUGS))}\n{FIND_PAGES}"
    output = manage(env, "shell", "-c", script, capture=True)
    for line in output.splitlines():
        if line.startswith("BENCH_PAGES="):
            pages = json.loads(line.removeprefix("BENCH_PAGES="))
            break
    else:
        raise BenchError(f"Could not read the page addresses from manage.py shell:\n{output}")
    pages += [{"name": name, "label": name, "path": path, "title": ""} for name, path in EXTRA_PAGES]
    if not any(page["name"] == "homepage" for page in pages):
        raise BenchError("The demo site has no live French home page.")
    return pages


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


def fetch_status(port, path):
    """The status of one GET, redirects not followed: a page that redirects is not measured."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(f"http://{HOST}:{port}{path}", headers={"Accept-Language": "fr"})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_until_ready(server, port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited with status {server.returncode} while starting.")
        try:
            status = fetch_status(port, BASELINE[1])
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


def wrk(port, path, seconds, script):
    """Run wrk on one URL; returns its numbers, or raises when any request failed."""
    command = [
        "wrk",
        "--threads",
        str(WRK_THREADS),
        "--connections",
        str(WRK_CONNECTIONS),
        "--duration",
        f"{seconds}s",
        "--timeout",
        "30s",
        "--script",
        str(script),
        f"http://{HOST}:{port}{path}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    for line in result.stdout.splitlines():
        if line.startswith("BENCH_WRK "):
            numbers = json.loads(line.removeprefix("BENCH_WRK "))
            break
    else:
        raise BenchError(f"wrk gave no result for {path}:\n{result.stdout}\n{result.stderr}")
    # The server closes each connection after its answer (sync workers) and wrk opens the
    # next one; a connection refused, an error status or a timeout means the numbers lie.
    failures = {
        key: numbers[key] for key in ("connect", "read", "write", "status", "timeout") if numbers[key]
    }
    if failures:
        raise BenchError(f"wrk reported failures on {path}: {failures}")
    if not numbers["requests"]:
        raise BenchError(f"wrk made no request to {path} in {seconds} s.")
    seconds_taken = numbers["duration_us"] / 1e6
    return {
        "requests": numbers["requests"],
        "seconds": round(seconds_taken, 2),
        "requests_per_second": round(numbers["requests"] / seconds_taken, 1),
        "p50_ms": round(numbers["p50_us"] / 1000, 2),
        "p99_ms": round(numbers["p99_us"] / 1000, 2),
    }


def run_rounds(port, pages, rounds, seconds, script):
    """Each round: /healthz, every page (in an order shifted each round), /healthz again.

    A page's ratio in a round is its throughput over the mean of that round's two /healthz
    runs, so that a machine slowing down or speeding up during a round affects both sides.
    """
    measured = []
    for number in range(rounds):
        shift = number % len(pages)
        order = pages[shift:] + pages[:shift]
        before = wrk(port, BASELINE[1], seconds, script)
        runs = [(page, wrk(port, page["path"], seconds, script)) for page in order]
        after = wrk(port, BASELINE[1], seconds, script)
        baseline = (before["requests_per_second"] + after["requests_per_second"]) / 2
        row = {"round": number + 1, "baseline": [before, after], "baseline_requests_per_second": baseline}
        row["pages"] = {
            page["name"]: {**run, "ratio": round(run["requests_per_second"] / baseline, 4)}
            for page, run in runs
        }
        measured.append(row)
        summary = ", ".join(f"{name} {100 * run['ratio']:.1f} %" for name, run in row["pages"].items())
        log(f"  round {number + 1}: /healthz {baseline:.0f} req/s; {summary}")
    return measured


def summarise(pages, measured):
    summaries = []
    for page in pages:
        ratios = [row["pages"][page["name"]]["ratio"] for row in measured]
        rates = [row["pages"][page["name"]]["requests_per_second"] for row in measured]
        target = TARGETS.get(page["name"], DEFAULT_TARGET)
        median = statistics.median(ratios)
        summaries.append(
            {
                **page,
                "ratios": ratios,
                "ratio_median": round(median, 4),
                "ratio_min": round(min(ratios), 4),
                "ratio_max": round(max(ratios), 4),
                "requests_per_second_median": round(statistics.median(rates), 1),
                "p50_ms_median": round(
                    statistics.median(row["pages"][page["name"]]["p50_ms"] for row in measured), 1
                ),
                "target": target,
                "passed": median >= target,
            }
        )
    return summaries


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


def read_memory(master_pid):
    pids = worker_pids(master_pid)
    if len(pids) != WORKERS:
        raise BenchError(f"Expected {WORKERS} gunicorn workers, found {pids}.")
    return {pid: rss_kib(pid) for pid in pids}


def top_up(port, pages, made, rate, workdir):
    """More page requests, every page in turn, until the memory run has made MEMORY_REQUESTS."""
    missing = MEMORY_REQUESTS - made
    if missing <= 0:
        return 0
    seconds = min(MEMORY_TIME_LIMIT, max(2, round(1.1 * missing / rate + 0.5)))
    script = workdir / "rotate.lua"
    paths = "{" + ", ".join(json.dumps(page["path"]) for page in pages) + "}"
    script.write_text(WRK_ROTATE.replace("{PATHS}", paths) + WRK_REPORT)
    log(f"  {missing} more page requests needed: every page in turn for {seconds} s")
    return wrk(port, pages[0]["path"], seconds, script)["requests"]


def memory_verdict(before, after, requests):
    if list(before) != list(after):
        raise BenchError(f"gunicorn replaced workers during the memory run: {list(before)} → {list(after)}.")
    workers = [
        {
            "pid": pid,
            "rss_before_mib": round(before[pid] / 1024, 1),
            "rss_after_mib": round(after[pid] / 1024, 1),
            "growth_mib": round((after[pid] - before[pid]) / 1024, 1),
            "growth_percent": round(100 * (after[pid] - before[pid]) / before[pid], 1),
        }
        for pid in before
    ]
    worst = max(worker["growth_percent"] for worker in workers)
    return {
        "page_requests": requests,
        "workers": workers,
        "worst_growth_percent": worst,
        "tolerance_percent": 100 * RSS_TOLERANCE,
        "complete": requests >= MEMORY_REQUESTS,
        "passed": requests >= MEMORY_REQUESTS and worst <= 100 * RSS_TOLERANCE,
    }


# Reporting -------------------------------------------------------------------------------


def verdict(passed):
    return "PASS" if passed else "FAIL"


def print_table(summaries, measured):
    baselines = [row["baseline_requests_per_second"] for row in measured]
    width = max(len(row["path"]) for row in summaries)
    log("")
    log(
        f"{'page type':<18} {'URL':<{width}} {'req/s':>7} {'p50 ms':>7}  "
        f"{'ratio to /healthz: median (min–max)':<36} {'target':>7}"
    )
    log(
        f"{'baseline':<18} {BASELINE[1]:<{width}} {statistics.median(baselines):>7.0f} {'':>7}  "
        f"{'1 (rounds: ' + ', '.join(f'{rate:.0f}' for rate in baselines) + ' req/s)':<36}"
    )
    for row in summaries:
        spread = f"{100 * row['ratio_median']:5.1f} % ({100 * row['ratio_min']:.1f}–{100 * row['ratio_max']:.1f} %)"
        log(
            f"{row['label']:<18} {row['path']:<{width}} {row['requests_per_second_median']:>7.1f} "
            f"{row['p50_ms_median']:>7.1f}  {spread:<36} {'≥ ' + format(100 * row['target'], '.0f') + ' %':>7}  "
            f"{verdict(row['passed'])}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per URL and round")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (their median is reported)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (database, static)")
    parser.add_argument(
        "--workdir", type=Path, help="reuse a directory kept by --keep instead of building the site again"
    )
    options = parser.parse_args()

    if shutil.which("wrk") is None:
        log(
            "BENCH ERROR: wrk is missing: install Debian's wrk package (`apt-get install wrk`), or run `make bench`."
        )
        return 2
    reuse = options.workdir is not None
    workdir = options.workdir.resolve() if reuse else Path(tempfile.mkdtemp(prefix="bibo-bench-"))
    env = bench_environment(workdir)
    server = None
    began = time.monotonic()
    try:
        if reuse:
            log(f"Reusing the demo site in {workdir}")
        else:
            log(f"Building the demo site in {workdir}")
            build_site(env)
        pages = find_pages(env)
        script = workdir / "report.lua"
        script.write_text(WRK_REPORT)

        port = free_port()
        log(
            f"Starting gunicorn: {WORKERS} sync workers on {HOST}:{port}; "
            f"wrk: {WRK_THREADS} threads, {WRK_CONNECTIONS} connections"
        )
        server = start_gunicorn(env, port)
        wait_until_ready(server, port)
        for page in pages:
            status = fetch_status(port, page["path"])
            if status != 200:
                raise BenchError(f"{page['path']} ({page['label']}) answered {status}, not 200.")

        log(f"Warming up: {WARMUP_SECONDS} s per URL")
        for path in [BASELINE[1], *(page["path"] for page in pages)]:
            wrk(port, path, WARMUP_SECONDS, script)
        memory_before = read_memory(server.pid)

        log(f"Measuring: {options.rounds} rounds of {options.duration} s per URL")
        measured = run_rounds(port, pages, options.rounds, options.duration, script)
        summaries = summarise(pages, measured)
        made = sum(run["requests"] for row in measured for run in row["pages"].values())
        seconds = sum(run["seconds"] for row in measured for run in row["pages"].values())
        made += top_up(port, pages, made, made / seconds, workdir)
        memory = memory_verdict(memory_before, read_memory(server.pid), made)

        print_table(summaries, measured)
        log("")
        log(
            f"Memory over {memory['page_requests']} page requests after the warm-up "
            f"(flat: each worker ≤ +{memory['tolerance_percent']:.0f} %):"
        )
        for worker in memory["workers"]:
            log(
                f"  worker {worker['pid']}: {worker['rss_before_mib']} → {worker['rss_after_mib']} MiB "
                f"({worker['growth_mib']:+} MiB, {worker['growth_percent']:+} %)"
            )
        if not memory["complete"]:
            log(f"  only {memory['page_requests']} of {MEMORY_REQUESTS} requests within the time limit")
        log("")
        verdicts = [
            (
                row["passed"],
                f"{row['label']}: median {100 * row['ratio_median']:.1f} % of /healthz, "
                f"target ≥ {100 * row['target']:.0f} %",
            )
            for row in summaries
        ]
        verdicts.append(
            (
                memory["passed"],
                f"worker memory flat over {MEMORY_REQUESTS} requests: worst worker "
                f"{memory['worst_growth_percent']:+} %, tolerance {memory['tolerance_percent']:.0f} %",
            )
        )
        for passed, text in verdicts:
            log(f"{verdict(passed)}  {text}")
        all_passed = all(passed for passed, _text in verdicts)

        report = {
            "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "duration_seconds": round(time.monotonic() - began, 1),
            "passed": all_passed,
            "machine": {
                "cpus": os.cpu_count(),
                "load_average": os.getloadavg(),
                "python": platform.python_version(),
                "platform": platform.platform(),
            },
            "setup": {
                "settings": env["DJANGO_SETTINGS_MODULE"],
                "database": "SQLite, demo site (manage.py load_demo --force)",
                "server": f"gunicorn, {WORKERS} sync workers",
                "client": f"wrk, {WRK_THREADS} threads, {WRK_CONNECTIONS} connections",
                "rounds": options.rounds,
                "seconds_per_url": options.duration,
                "warmup_seconds": WARMUP_SECONDS,
            },
            "pages": summaries,
            "rounds": measured,
            "memory": memory,
        }
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        log(f"\nResults written to {RESULTS.relative_to(ROOT)} ({report['duration_seconds']:.0f} s in all).")
        return 0 if all_passed else 1
    except BenchError as error:
        log(f"\nBENCH ERROR: {error}")
        return 2
    finally:
        if server is not None:
            stop_gunicorn(server)
        if options.keep or reuse:
            log(f"Kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
