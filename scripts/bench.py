#!/usr/bin/env python3
"""Benchmark of the built jar against the AWS simulator; prints figures, asserts nothing.

Scenarios (all with the simulator on loopback):
  org          100 accounts x 17 regions, 50,000 instances (uneven), RIs, images, DB instances,
               EC2-style token buckets, 50 ms per call; plus the boto3 reference collector; each
               measured run meets a simulator warmed by one whole collector run before it
  million      1 account x 1 region x 1,000,000 instances, collector run with -Xmx256m
  accounts10k  10,000 accounts x 1 region, little data, collector run with -Xmx512m
  accounts2k   2,000 accounts x 1 region, little data, 50 ms per call: the listing's 100 pages and
               each account's set-up at AWS-like latency
  org-small    the org scenario at a fifth of its size (20 accounts), with the boto3 reference
  org-collector  the org scenario without the boto3 reference
  org-warm     the org scenario's collector through the launcher, then run four times inside one
               JVM: how much of a run is the JVM's start
  org-profiles the org scenario without the boto3 reference, run by a user whose ~/.aws/config
               holds 80 profiles (40 accounts, an SSO role and a role_arn profile each): what
               reading the shared config files costs the collector
  org-tls      the org scenario over HTTPS, as AWS endpoints answer (a TLS front before the
               simulator, OpenSSL's), with the boto3 reference; org-tls-collector without it
  sweep        the org scenario at several --concurrency values
  moto         an organization of 4 accounts in moto (1,080 instances, every region moto serves):
               the launcher, java -jar and the boto3 reference, run in turn three times, medians
  carry        10 accounts x 10 regions x 1,000,000 instances, collected once, then again with 5 of
               the 10 regions denied in every account (half the targets carried from the first
               set); collector runs with -Xmx256m and --concurrency 16, JSON Lines
  push         the carry scenario's 1,000,000 instances collected as CSV, then the set uploaded to
               the Data Hub double (scripts/bench.py starts it from the test classes) with
               'aws-inventory deliver': wall, peak RSS and throughput of the upload alone
  applications 10 accounts x 2 regions x 200 managed nodes x 150 applications (600,000 records),
               read through the Systems Manager API and through a Resource Data Sync bucket,
               50 ms per call, collector run with -Xmx256m
"""
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "aws-inventory.jar")
KEY = "AKIASIM100000000000"
LATENCY = 0.050
# every call of a 50 ms scenario waits that long, STS's too
LATENCY_KNOBS = ["--latency-ms", "50", "--sts-latency-ms", "50"]
REGIONS17 = ("ap-northeast-1,ap-northeast-2,ap-northeast-3,ap-south-1,ap-southeast-1,ap-southeast-2,"
             "ca-central-1,eu-central-1,eu-north-1,eu-west-1,eu-west-2,eu-west-3,sa-east-1,"
             "us-east-1,us-east-2,us-west-1,us-west-2")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresCluster:
    """A PostgreSQL cluster of the bench's own: Debian's server (postgresql-15), a temporary folder,
    a free loopback port; run as the postgres user when the bench runs as root."""

    USER = "inventory"
    PASSWORD = "bench-Password-1"

    def __init__(self):
        import glob
        import pwd
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not bins:
            raise SystemExit("history: PostgreSQL is not installed (scripts/test.sh installs postgresql-15)")
        self.bin = os.path.dirname(bins[-1])
        self.dir = tempfile.mkdtemp(prefix="bench-pg-")
        self.root = os.geteuid() == 0
        password = os.path.join(self.dir, "password")
        with open(password, "w") as f:
            f.write(self.PASSWORD + "\n")
        if self.root:
            uid = pwd.getpwnam("postgres").pw_uid
            os.chown(self.dir, uid, -1)
            os.chown(password, uid, -1)
        self.port = free_port()
        self.data = os.path.join(self.dir, "data")
        self._run("initdb", "-D", self.data, "-U", self.USER, f"--pwfile={password}", "-A", "scram-sha-256",
                  "-N", "-E", "UTF8")
        self._run("pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "server.log"), "-w", "-o",
                  f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c fsync=off", "start")
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", self.USER, "history",
                  env={"PGPASSWORD": self.PASSWORD})
        self.url = f"postgresql://127.0.0.1:{self.port}/history"
        self.env = {"PGUSER": self.USER, "PGPASSWORD": self.PASSWORD}

    def _run(self, tool, *args, env=None):
        command = ([ "runuser", "-u", "postgres", "--"] if self.root else []) + [os.path.join(self.bin, tool), *args]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=dict(os.environ, **(env or {})), cwd="/")

    def stop(self):
        try:
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


class Simulator:
    def __init__(self, knobs, tls_dir=None):
        self.port = free_port()
        self.front = None
        self.last_run = None  # (epoch start, epoch end) of the last collector run against it
        self.ca_bundle = None
        # the simulator shares this machine's cores with what it serves, where AWS would not: it keeps
        # to the quick compiler, which halves its CPU in a run of a few seconds
        env = dict(os.environ, SIMULATOR_JAVA_OPTS="-Xmx4g -XX:TieredStopAtLevel=1")
        self.process = subprocess.Popen(
            [os.path.join(ROOT, "scripts", "simulator.sh"), "--port", str(self.port)] + knobs,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        line = self.process.stdout.readline()
        if "listening" not in line:
            raise SystemExit("simulator did not start: " + line + self.process.stdout.read())
        self.plain = f"http://127.0.0.1:{self.port}"
        self.endpoint = self.plain
        if tls_dir:
            self._front(tls_dir)

    def _front(self, tls_dir):
        """HTTPS in front, with a self-signed certificate for 127.0.0.1 the clients are given."""
        cert, key = os.path.join(tls_dir, "front-ca.pem"), os.path.join(tls_dir, "front-key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                        "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.front = subprocess.Popen(
            [sys.executable, os.path.join(ROOT, "scripts", "bench_tls_front.py"), str(self.port), cert, key],
            # only its first line is read: what asyncio may log of closed connections must not fill a pipe
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.front.stdout.readline()
        if "listening" not in line:
            raise SystemExit("tls front did not start: " + line + self.front.stdout.read())
        self.endpoint = line.split()[-1]
        self.ca_bundle = cert

    def collector_args(self):
        """Where the collector finds the simulator, and the certificate to trust over HTTPS."""
        return ["--endpoint-url", self.endpoint] + (["--ca-bundle", self.ca_bundle] if self.ca_bundle else [])

    def client_env(self):
        """The environment of a boto3 process that talks to the simulator."""
        return dict(os.environ, AWS_CA_BUNDLE=self.ca_bundle) if self.ca_bundle else None

    def stats(self):
        with urllib.request.urlopen(self.plain + "/sim/stats") as r:
            return json.load(r)

    def cpu_seconds(self):
        """User + system CPU so far of the simulator (simulator.sh execs the JVM: same process) and
        of its TLS front."""
        return sum(process_cpu(p.pid) for p in (self.process, self.front) if p)

    def stop(self):
        for p in (self.front, self.process):
            if p:
                p.terminate()
                p.wait()


def process_cpu(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def descendants(pid):
    """The process and every process below it (the launcher runs java as its child)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children") as f:
                todo.extend(int(child) for child in f.read().split())
        except (FileNotFoundError, ProcessLookupError):
            pass
    return found


def peak_rss_watch(pid, result):
    """Polls the high-water mark of the resident set of the largest process of the tree until the
    command exits."""
    while True:
        if not os.path.exists(f"/proc/{pid}"):
            return
        for each in descendants(pid):
            try:
                with open(f"/proc/{each}/status") as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            result[0] = max(result[0], int(line.split()[1]) // 1024)
            except (FileNotFoundError, ProcessLookupError):
                pass
        time.sleep(0.05)


def warm_up(sim):
    """A one-target run first, as a user's earlier runs would have been: the launcher records its
    class-data-sharing archive on the first collect of a jar, which is not what is measured. The
    archive holds the classes that run loaded; the org scenarios leave this out and record it with
    a whole org run (warm_server), as a scheduled collector's earlier runs were. A jar whose first
    collect was this one keeps its archive: run an org scenario first after a build."""
    launcher = os.path.join(ROOT, "scripts", "aws-inventory")
    out = tempfile.mkdtemp(prefix="bench-warm-")
    os.environ["AWS_INVENTORY_JAVA_OPTS"] = ""
    subprocess.run([launcher, "collect"] + sim.collector_args() + ["--access-key-id", KEY,
                    "--secret-access-key", "bench", "--regions", "us-east-1", "--output-dir", out, "--quiet",
                    "--resources", "reserved-instances,db-instances"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(out, ignore_errors=True)


def warm_server(sim, work):
    """One whole org run of the collector against the simulator, its figures not kept: AWS's
    endpoints are servers that have long been running, while the simulator is a JVM started a
    moment ago that would otherwise load and compile its own code on the cores it shares with the
    measured run. On a jar with no archive yet it is the collect that records the launcher's
    archive, as a scheduled collector's first run would. Then the simulator's token buckets are
    left to refill (burst 100 at 20 a second)."""
    out = os.path.join(work, "warm-server")
    run_collector(sim, out, warm=False)
    shutil.rmtree(out, ignore_errors=True)
    time.sleep(6)


def round_trip_probe(sim, threads):
    """What one call costs here with no collector in the way: a bare client's mean round trip
    (ListAccounts, answered after the simulator's latency) with as many in flight as the run had.
    Returns (mean ms, calls a second, threads), or None when the probe fails."""
    result = subprocess.run(["java", "-cp", os.path.join(ROOT, "target", "test-classes"),
                             "io.awsinventory.sim.RoundTripProbe", sim.plain, KEY, str(threads), "5"],
                            capture_output=True, text=True)
    fields = dict(f.split("=", 1) for f in result.stdout.split() if "=" in f)
    if result.returncode != 0 or "mean_ms" not in fields:
        print("round-trip probe failed: " + (result.stderr or result.stdout).strip()[:500])
        return None
    return float(fields["mean_ms"]), float(fields["calls_per_s"]), threads


def minus(after, before):
    """The simulator's counters of one run: what they grew by since the snapshot before it."""
    if isinstance(after, dict):
        return {k: minus(v, before.get(k, {} if isinstance(v, dict) else 0)) for k, v in after.items()}
    return after - before


def org_collect_args(sim, out):
    """The command line of an org run against the simulator, after the program's name."""
    return ["collect"] + sim.collector_args() + [
            "--access-key-id", KEY, "--secret-access-key", "bench",
            "--list-accounts", "--format", "jsonl", "--output-dir", out, "--quiet"]


def run_collector(sim, out, heap=None, concurrency=None, extra=(), warm=True):
    """Runs the collector as users run it (the launcher, its default JVM options plus a heap cap);
    returns wall seconds, peak RSS in MB, exit code and the CPU seconds (user + system) it used."""
    launcher = os.path.join(ROOT, "scripts", "aws-inventory")
    if warm:
        warm_up(sim)
    # added after the launcher's own defaults
    os.environ["AWS_INVENTORY_JAVA_OPTS"] = f"-Xmx{heap}" if heap else ""
    command = [launcher] + org_collect_args(sim, out)
    if concurrency:
        command += ["--concurrency", str(concurrency)]
    command += list(extra)
    started = time.time()
    result = run_measured(command)
    sim.last_run = (started, time.time())
    return result


def run_measured(command):
    """Runs one command; returns wall seconds, peak RSS in MB, exit code and CPU seconds."""
    before = os.times()
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    rss = [0]
    watcher = threading.Thread(target=peak_rss_watch, args=(process.pid, rss), daemon=True)
    watcher.start()
    stdout, stderr = process.communicate()
    wall = time.monotonic() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    watcher.join(timeout=1)
    if process.returncode != 0:
        print(f"{os.path.basename(command[0])} {command[1]} exit {process.returncode}: {stderr.strip()[:2000]}")
    return wall, rss[0], process.returncode, cpu


def settled_concurrency(out):
    """The level the collector's adaptive limit settled on, from its run summary."""
    try:
        with open(os.path.join(out, "run_summary.json")) as f:
            levels = json.load(f).get("concurrency", {}).get("settled", {})
        return max(levels.values()) if levels else 0
    except (OSError, ValueError):
        return 0


SETUP_APIS = {"GetCallerIdentity", "AssumeRole", "ListAccounts", "DescribeOrganization", "DescribeRegions"}


def timeline(stats, run):
    """Where the run's time went, from the simulator's calls per API per tenth of a second: when the
    first call, the organization's listing and the first target call came after the collector was
    started, how long before its end the last call came, and the target calls' pace in between."""
    started, ended = run
    first = last = first_target = None
    listed = None
    target_calls = 0
    for api, tenths in stats.get("byApiTenthSecond", {}).items():
        times = [int(t) / 10 for t in tenths if int(t) / 10 >= started - 0.1]
        if not times:
            continue
        first = min(times + [first or times[0]])
        last = max(times + [last or times[0]])
        if api == "ListAccounts":
            listed = max(times)
        if api not in SETUP_APIS:
            first_target = min(times + [first_target or times[0]])
            target_calls += sum(v for t, v in tenths.items() if int(t) / 10 >= started - 0.1)
    if first is None:
        return "no calls"
    text = f"first call +{max(0, first - started):.1f} s"
    if listed is not None:
        text += f", organization listed +{listed - started:.1f} s"
    if first_target is not None:
        pace = target_calls / max(0.1, last + 0.1 - first_target)
        text += (f", first target call +{first_target - started:.1f} s, last call {max(0, ended - last - 0.1):.1f} s "
                 f"before the end; {target_calls} target calls at {pace:.0f} a second")
    return text + " (to a tenth of a second)"


def floor_of(stats, concurrency):
    """max(longest chain of dependent calls, total calls / concurrency) x latency."""
    by_target_api = stats["byTargetApi"]
    per_target = {}
    for key, count in by_target_api.items():
        account, region, api = key.split("/")
        if api in ("DescribeInstances", "DescribeImages"):
            per_target[(account, region)] = per_target.get((account, region), 0) + count
    list_pages = stats["byApi"].get("ListAccounts", 0)
    # base identity, org listing pages, then per account AssumeRole (its answer says who the
    # session is) and DescribeRegions, then the longest target: instance pages, then image calls
    chain = 1 + list_pages + 2 + max(per_target.values() or [0])
    calls = stats["calls"]
    return max(chain * LATENCY, calls * LATENCY / concurrency), chain, calls


def count_lines(path):
    count = 0
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            count += block.count(b"\n")
    return count


def org_knobs(accounts=100, instances=50000):
    return ["--accounts", str(accounts), "--regions", REGIONS17, "--not-opted-in-regions", "af-south-1,me-south-1",
            "--instances", str(instances), "--reserved-per-target", "2", "--images-per-target", "3",
            "--db-per-target", "2", *LATENCY_KNOBS, "--bucket-burst", "100", "--bucket-refill", "20",
            "--organizational-units", "10"]


def user_home(work, accounts=40):
    """A home folder whose ~/.aws/config is an SSO user's: per account an SSO role profile and a
    role_arn profile, and keys for the default profile in ~/.aws/credentials."""
    aws = os.path.join(work, "home", ".aws")
    os.makedirs(aws)
    config = ["[default]\nregion = us-east-1\noutput = json\n",
              "[sso-session corp]\nsso_start_url = https://corp.example.com/start\nsso_region = us-east-1\n"
              "sso_registration_scopes = sso:account:access\n"]
    for i in range(accounts):
        account = 200000000000 + i
        config.append(f"[profile account-{i:02d}-admin]\nsso_session = corp\nsso_account_id = {account}\n"
                      f"sso_role_name = AdministratorAccess\nregion = eu-west-1\noutput = json\n")
        config.append(f"[profile account-{i:02d}-read]\nrole_arn = arn:aws:iam::{account}:role/ReadOnly\n"
                      f"source_profile = default\nregion = us-east-1\n")
    with open(os.path.join(aws, "config"), "w") as f:
        f.write("\n".join(config))
    with open(os.path.join(aws, "credentials"), "w") as f:
        f.write("[default]\naws_access_key_id = AKIAEXAMPLEEXAMPLE00\naws_secret_access_key = example\n")
    return os.path.dirname(aws)


def scenario_org(concurrency=None, with_boto3=True, accounts=100, instances=50000, name="org",
                 profiles=False, tls=False):
    work = tempfile.mkdtemp(prefix="bench-org-")
    out = os.path.join(work, "out")
    saved = {k: os.environ.get(k) for k in ("HOME", "XDG_STATE_HOME")}
    if profiles:
        # the launcher's class-data-sharing archive stays where earlier runs recorded it
        os.environ["XDG_STATE_HOME"] = saved["XDG_STATE_HOME"] or os.path.join(
            os.path.expanduser("~"), ".local", "state")
        os.environ["HOME"] = user_home(work)
    sim = Simulator(org_knobs(accounts, instances), tls_dir=work if tls else None)
    try:
        warm_server(sim, work)
        sim_cpu_before = sim.cpu_seconds()
        stats_before = sim.stats()
        wall, rss, code, cpu = run_collector(sim, out, concurrency=concurrency, warm=False)
        sim_cpu = sim.cpu_seconds() - sim_cpu_before
        stats = minus(sim.stats(), stats_before)
        probe = round_trip_probe(sim, settled_concurrency(out) or concurrency or 64)
    finally:
        sim.stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    settled = settled_concurrency(out)
    floor, chain, calls = floor_of(stats, settled or concurrency or 1)
    records = count_lines(os.path.join(out, "ec2_instances.jsonl")) if code in (0, 3) else 0
    print(f"{name}: concurrency={concurrency or 'default'} settled={settled} exit={code} wall={wall:.1f}s "
          f"floor={floor:.1f}s (chain {chain} calls, {calls} calls / {settled}) instances={records}")
    print(f"{name}: calls by API: " + ", ".join(f"{k}={v}" for k, v in sorted(stats["byApi"].items())))
    print(f"{name}: timeline: {timeline(stats, sim.last_run)}")
    retries = stats["throttled"] + stats["serverErrors"] + stats["hung"]
    print(f"{name}: throttled={stats['throttled']} retries={retries} peak_rss_mb={rss} "
          f"cpu_s={cpu:.1f} cpu_ms_per_call={1000 * cpu / max(1, calls):.2f}")
    # the simulator runs on the same cores, where AWS would not: what the two used between them
    # bounds the wall time from below as the latency does
    cores = os.cpu_count() or 1
    cpu_floor = (cpu + sim_cpu) / cores
    print(f"{name}: simulator_cpu_s={sim_cpu:.1f}{' (its TLS front included)' if tls else ''} cores={cores} "
          f"cpu_floor_s={cpu_floor:.1f} (collector and simulator CPU over the cores) "
          f"wall/cpu_floor={wall / cpu_floor:.2f}")
    if probe:
        paced = calls * probe[0] / 1000 / (settled or concurrency or 1)
        print(f"{name}: a bare client against the same simulator ({probe[2]} threads, no SDK, signing or records): "
              f"{probe[0]:.1f} ms a call, {probe[1]:.0f} calls a second; at that round trip the run's {calls} calls "
              f"take {paced:.1f} s with {settled or concurrency} in flight: wall/that={wall / paced:.2f}")
    boto3_wall = boto3_cpu = None
    if with_boto3:
        sim = Simulator(org_knobs(accounts, instances), tls_dir=work if tls else None)
        try:
            # the same warm server as the collector's measured run had
            warm_server(sim, work)
            boto3_wall, boto3_cpu, code3, err3 = timed(
                [sys.executable, os.path.join(ROOT, "scripts", "bench_boto3.py"), sim.endpoint, KEY,
                 os.path.join(work, "boto3"), "20"], env=sim.client_env())
            if code3 != 0:
                print(f"{name}: boto3 reference exit {code3}: {err3.strip()[:1000]}")
            boto3_instances = count_lines(os.path.join(work, "boto3", "instances.jsonl"))
        finally:
            sim.stop()
        print(f"{name}: boto3 reference (20 threads) wall={boto3_wall:.1f}s cpu={boto3_cpu:.1f}s "
              f"instances={boto3_instances}")
    shutil.rmtree(work, ignore_errors=True)
    speedup = f"{boto3_wall / wall:.2f}" if boto3_wall else "n/a"
    boto3_text = f"{boto3_wall:.1f}" if boto3_wall else "n/a"
    boto3_cpu_text = f"{boto3_cpu:.1f}" if boto3_cpu is not None else "n/a"
    print(f"bench: scenario={name} wall_s={wall:.1f} floor_s={floor:.1f} ratio={wall / floor:.2f} "
          f"boto3_wall_s={boto3_text} boto3_cpu_s={boto3_cpu_text} speedup={speedup} cpu_s={cpu:.1f} "
          f"peak_rss_mb={rss} calls={calls} throttled={stats['throttled']} concurrency={settled}")


def launcher_jvm_options():
    """The JVM options the launcher starts the collector with by default, read from its script."""
    with open(os.path.join(ROOT, "scripts", "aws-inventory")) as f:
        return re.search(r'opts="([^"$]*)', f.read()).group(1).split()


def scenario_org_warm(runs=4):
    """The org run through the launcher (cold: a new JVM, as every scheduled run is), then the same
    run again and again inside one JVM started with the launcher's options (WarmRuns): the first of
    those is cold too and has no class archive, the others show what a run costs once the JVM has
    loaded and compiled the collector's code. Each run meets a simulator warmed by a whole run and
    token buckets left 6 s to refill."""
    work = tempfile.mkdtemp(prefix="bench-org-warm-")
    out = os.path.join(work, "out")
    sim = Simulator(org_knobs())
    walls, ratios = [], []
    try:
        warm_server(sim, work)
        before = sim.stats()
        cold, _, code, _ = run_collector(sim, out, warm=False)
        floor = floor_of(minus(sim.stats(), before), settled_concurrency(out) or 64)[0]
        time.sleep(6)
        classpath = os.pathsep.join([JAR, os.path.join(ROOT, "target", "test-classes")])
        process = subprocess.Popen(
            ["java"] + launcher_jvm_options() + ["-cp", classpath, "io.awsinventory.simtests.WarmRuns"]
            + org_collect_args(sim, os.path.join(work, "warm-out")),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for _ in range(runs):
            before = sim.stats()
            process.stdin.write("\n")
            process.stdin.flush()
            fields = dict(f.split("=", 1) for f in process.stdout.readline().split()[1:])
            if fields.get("exit") not in ("0", "3"):
                print(f"org-warm: run exit {fields.get('exit')}")
            wall = float(fields["wall_s"])
            settled = settled_concurrency(os.path.join(work, "warm-out")) or 64
            walls.append(wall)
            ratios.append(wall / floor_of(minus(sim.stats(), before), settled)[0])
            time.sleep(6)
        process.stdin.close()
        process.wait()
    finally:
        sim.stop()
        shutil.rmtree(work, ignore_errors=True)
    warm, warm_ratio = statistics.median(walls[1:]), statistics.median(ratios[1:])
    print(f"org-warm: launcher exit={code}; in one JVM: " + ", ".join(f"{w:.2f}" for w in walls) + " s")
    print(f"bench: scenario=org-warm launcher_wall_s={cold:.1f} launcher_ratio={cold / floor:.2f} "
          f"first_in_jvm_wall_s={walls[0]:.1f} warm_wall_s={warm:.1f} warm_ratio={warm_ratio:.2f} "
          f"floor_s={floor:.1f}")


def scenario_million():
    work = tempfile.mkdtemp(prefix="bench-million-")
    knobs = ["--accounts", "1", "--regions", "us-east-1", "--not-opted-in-regions", "af-south-1",
             "--instances", "1000000", "--skew", "false", "--reserved-per-target", "2",
             "--images-per-target", "3", "--db-per-target", "2", *LATENCY_KNOBS]
    sim = Simulator(knobs)
    try:
        wall, rss, code, _ = run_collector(sim, os.path.join(work, "out"), heap="256m",
                                        extra=["--resources", "instances,images"])
        stats = sim.stats()
    finally:
        sim.stop()
    records = count_lines(os.path.join(work, "out", "ec2_instances.jsonl")) if code in (0, 3) else 0
    size_mb = os.path.getsize(os.path.join(work, "out", "ec2_instances.jsonl")) // (1 << 20) if records else 0
    shutil.rmtree(work, ignore_errors=True)
    print(f"million: exit={code} DescribeInstances={stats['byApi'].get('DescribeInstances')} "
          f"file_mb={size_mb}")
    print(f"bench: scenario=million wall_s={wall:.1f} records={records} peak_rss_mb={rss}")


CARRY_REGIONS = ("ap-northeast-1,ap-south-1,ca-central-1,eu-central-1,eu-west-1,"
                 "sa-east-1,us-east-1,us-east-2,us-west-1,us-west-2")


def carry_knobs():
    """The estate of the carry and push scenarios: 1,000,000 instances over 100 targets."""
    return ["--accounts", "10", "--regions", CARRY_REGIONS, "--instances", "1000000",
            "--skew", "false", "--reserved-per-target", "0", "--images-per-target", "0",
            "--db-per-target", "0", *LATENCY_KNOBS]


def scenario_carry():
    """A plain million-instance run over 100 targets, then the same estate with half the targets
    denied: what carrying their records from the previous set costs in time and memory."""
    work = tempfile.mkdtemp(prefix="bench-carry-")
    out = os.path.join(work, "out")
    knobs = carry_knobs()
    denied = ",".join(CARRY_REGIONS.split(",")[:5])
    lines = []
    try:
        for name, extra in (("plain", []), ("carry", ["--denied-regions", denied])):
            sim = Simulator(knobs + extra)
            try:
                # 16 targets at once: 64 pages of 1,000 instances in flight do not fit 256 MB
                wall, rss, code, cpu = run_collector(sim, out, heap="256m", concurrency=16,
                                                     extra=["--resources", "instances"])
            finally:
                sim.stop()
            summary = json.load(open(os.path.join(out, "run_summary.json")))
            files = {f["file"]: f for f in summary["files"]}
            instances = files["ec2_instances.jsonl"]
            lines.append(f"bench: scenario=carry run={name} exit={code} wall_s={wall:.1f} cpu_s={cpu:.1f} "
                         f"peak_rss_mb={rss} records={instances['records']} "
                         f"carried={instances.get('carriedRecords', 'n/a')}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for line in lines:
        print(line)
    plain = float(lines[0].split("wall_s=")[1].split()[0])
    carry = float(lines[1].split("wall_s=")[1].split()[0])
    print(f"bench: scenario=carry ratio={carry / plain:.2f}")


def scenario_push():
    """The million-instance set uploaded to the Data Hub double by 'deliver', timed alone."""
    work = tempfile.mkdtemp(prefix="bench-push-")
    out = os.path.join(work, "out")
    knobs = carry_knobs()
    key_file = os.path.join(work, "key")
    with open(key_file, "w") as f:
        f.write("bench-datahub-key-0123456789\n")
    os.chmod(key_file, 0o600)
    port = free_port()
    classpath = "target/test-classes:target/classes:" + open(os.path.join(ROOT, "target", "test-classpath.txt")).read().strip()
    hub = subprocess.Popen(["java", "-Xmx256m", "-cp", classpath, "io.awsinventory.datahub.DataHubDouble", str(port),
                            "instances-task=bench-datahub-key-0123456789",
                            "coverage-task=bench-datahub-key-0123456789"],
                           cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        if "listening" not in hub.stdout.readline():
            raise SystemExit("the Data Hub double did not start")
        sim = Simulator(knobs)
        try:
            os.environ["AWS_INVENTORY_JAVA_OPTS"] = "-Xmx256m"
            command = ([os.path.join(ROOT, "scripts", "aws-inventory")] + org_collect_args(sim, out)
                       + ["--concurrency", "16", "--resources", "instances"])
            command[command.index("jsonl")] = "csv"
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        finally:
            sim.stop()
        size = os.path.getsize(os.path.join(out, "ec2_instances.csv"))
        deliver = [os.path.join(ROOT, "scripts", "aws-inventory"), "deliver", out,
                   "--datahub-url", f"http://127.0.0.1:{port}/",
                   "--datahub-task", "ec2_instances=instances-task,coverage=coverage-task",
                   "--datahub-api-key-file", key_file]
        start = time.monotonic()
        process = subprocess.Popen(deliver, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        rss = [0]
        watcher = threading.Thread(target=peak_rss_watch, args=(process.pid, rss), daemon=True)
        watcher.start()
        _, stderr = process.communicate()
        wall = time.monotonic() - start
        watcher.join(timeout=1)
        if process.returncode != 0:
            print(f"deliver exit {process.returncode}: {stderr.strip()[:2000]}")
        rows = json.load(open(os.path.join(out, "delivery.json")))["uploads"]
        instances = [u for u in rows if u["file"] == "ec2_instances.csv"][0]
        print(f"bench: scenario=push exit={process.returncode} wall_s={wall:.1f} peak_rss_mb={rss[0]} "
              f"file_mb={size / (1 << 20):.0f} rows={instances['rows']} "
              f"throughput_mb_s={size / (1 << 20) / wall:.0f}")
    finally:
        hub.terminate()
        hub.wait()
        shutil.rmtree(work, ignore_errors=True)


def scenario_accounts10k():
    work = tempfile.mkdtemp(prefix="bench-10k-")
    knobs = ["--accounts", "10000", "--regions", "us-east-1", "--not-opted-in-regions", "af-south-1",
             "--instances", "20000", "--reserved-per-target", "0", "--images-per-target", "1",
             "--db-per-target", "0", "--organizational-units", "50"]
    sim = Simulator(knobs)
    try:
        wall, rss, code, _ = run_collector(sim, os.path.join(work, "out"), heap="512m")
        stats = sim.stats()
    finally:
        sim.stop()
    records = count_lines(os.path.join(work, "out", "ec2_instances.jsonl")) if code in (0, 3) else 0
    shutil.rmtree(work, ignore_errors=True)
    print(f"bench: scenario=accounts10k exit={code} wall_s={wall:.1f} records={records} "
          f"peak_rss_mb={rss} calls={stats['calls']}")


def scenario_accounts2k():
    """A wide organization at AWS-like latency: 2,000 accounts x 1 region, 50 ms per call. The
    listing alone is 100 pages one after the other, and every account needs three set-up calls
    before its target: what the start of a large organization costs."""
    work = tempfile.mkdtemp(prefix="bench-2k-")
    out = os.path.join(work, "out")
    knobs = ["--accounts", "2000", "--regions", "us-east-1", "--not-opted-in-regions", "af-south-1",
             "--instances", "20000", "--reserved-per-target", "0", "--images-per-target", "1",
             "--db-per-target", "0", "--organizational-units", "50", *LATENCY_KNOBS]
    sim = Simulator(knobs)
    try:
        warm_up(sim)
        wall, rss, code, cpu = run_collector(sim, out, warm=False)
        stats = sim.stats()
    finally:
        sim.stop()
    records = count_lines(os.path.join(out, "ec2_instances.jsonl")) if code in (0, 3) else 0
    shutil.rmtree(work, ignore_errors=True)
    print(f"accounts2k: timeline: {timeline(stats, sim.last_run)}")
    print(f"bench: scenario=accounts2k exit={code} wall_s={wall:.1f} cpu_s={cpu:.1f} records={records} "
          f"peak_rss_mb={rss} calls={stats['calls']}")


MOTO_KEY = "AKIAIOSFODNN7EXAMPLE"


def seed_moto(endpoint):
    """4 accounts (management + 3 members), 270 instances each over two regions, 2 DB instances."""
    import boto3
    base = dict(aws_access_key_id=MOTO_KEY, aws_secret_access_key="bench", region_name="us-east-1")
    org = boto3.client("organizations", endpoint_url=endpoint, **base)
    org.create_organization(FeatureSet="ALL")
    members = [org.create_account(Email=f"member{i}@example.com", AccountName=f"member-{i}")
               ["CreateAccountStatus"]["AccountId"] for i in range(3)]
    sts = boto3.client("sts", endpoint_url=endpoint, **base)
    for account in [None] + members:
        creds = {}
        if account:
            c = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole",
                                RoleSessionName="seed")["Credentials"]
            creds = dict(aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"],
                         aws_session_token=c["SessionToken"])
        else:
            creds = dict(aws_access_key_id=MOTO_KEY, aws_secret_access_key="bench")
        for region, count in (("us-east-1", 150), ("eu-west-1", 120)):
            ec2 = boto3.client("ec2", endpoint_url=endpoint, region_name=region, **creds)
            ec2.run_instances(ImageId="ami-12c6146b", MinCount=count, MaxCount=count, InstanceType="t3.micro")
        if account == members[0]:
            rds = boto3.client("rds", endpoint_url=endpoint, region_name="eu-west-1", **creds)
            for i in range(2):
                rds.create_db_instance(DBInstanceIdentifier=f"db-{i}", DBInstanceClass="db.t3.micro",
                                       Engine="postgres", MasterUsername="admin",
                                       MasterUserPassword="not-a-password-1", AllocatedStorage=20)


def start_moto():
    """A moto server on a free loopback port, seeded with the moto estate; the process and its URL."""
    port = free_port()
    moto = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(endpoint + "/moto-api/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        seed_moto(endpoint)
    except BaseException:
        moto.terminate()
        raise
    return moto, endpoint


def timed(command, env=None):
    """Wall and CPU (user + system of the process and its children) of one run, in a HOME of its own
    (section 9: the moto goals hold when every run gets a fresh HOME, as in containers)."""
    env = dict(env if env is not None else os.environ)
    home = tempfile.mkdtemp(prefix="bench-home-")
    env["HOME"] = home
    env.pop("XDG_STATE_HOME", None)
    before = os.times()
    start = time.monotonic()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    wall = time.monotonic() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    shutil.rmtree(home, ignore_errors=True)
    return wall, cpu, done.returncode, done.stderr


def scenario_moto(rounds=3):
    moto, endpoint = start_moto()
    work = tempfile.mkdtemp(prefix="bench-moto-")
    try:
        # moto does not implement DescribeReservedInstances: both sides leave reserved instances out
        args = ["collect", "--endpoint-url", endpoint, "--access-key-id", MOTO_KEY, "--secret-access-key",
                "bench", "--list-accounts", "--format", "jsonl", "--output-dir", os.path.join(work, "out"),
                "--quiet", "--resources", "instances,images,db-instances"]
        env = {k: v for k, v in os.environ.items() if k != "AWS_INVENTORY_JAVA_OPTS"}
        env["AWS_EC2_METADATA_DISABLED"] = "true"
        commands = {
            "launcher": [os.path.join(ROOT, "scripts", "aws-inventory")] + args,
            "jar": ["java", "-jar", JAR] + args,
            "boto3": [sys.executable, os.path.join(ROOT, "scripts", "bench_boto3.py"), endpoint, MOTO_KEY,
                      os.path.join(work, "boto3"), "20", "--without-reserved"],
        }
        # one run of the launcher first: it records its class-data-sharing archive, as a first run does
        timed(commands["launcher"], env)
        results = {name: [] for name in commands}
        for _ in range(rounds):
            for name, command in commands.items():
                wall, cpu, code, err = timed(command, env)
                if code not in (0, 3):
                    print(f"moto: {name} exit {code}: {err.strip()[:500]}")
                results[name].append((wall, cpu))
        records = count_lines(os.path.join(work, "out", "ec2_instances.jsonl"))
        boto3_records = count_lines(os.path.join(work, "boto3", "instances.jsonl"))
    finally:
        moto.terminate()
        moto.wait()
        shutil.rmtree(work, ignore_errors=True)

    def median(name, i):
        return statistics.median(r[i] for r in results[name])

    for name in results:
        print(f"moto: {name} " + " ".join(f"{w:.2f}s/{c:.2f}cpu" for w, c in results[name]))
    b = median("boto3", 0)
    print(f"bench: scenario=moto launcher_wall_s={median('launcher', 0):.2f} jar_wall_s={median('jar', 0):.2f} "
          f"boto3_wall_s={b:.2f} launcher_ratio={median('launcher', 0) / b:.2f} "
          f"jar_ratio={median('jar', 0) / b:.2f} launcher_cpu_s={median('launcher', 1):.2f} "
          f"jar_cpu_s={median('jar', 1):.2f} boto3_cpu_s={median('boto3', 1):.2f} "
          f"records={records} boto3_records={boto3_records}")


def scenario_pairs(other, pairs=8):
    """This tree against OTHER (another checkout, built), in turn: the org run through each launcher
    against one warm org simulator (this tree's), then the moto round (launcher and java -jar, each
    run in a fresh HOME) against one moto. Prints the medians and the median of the pair ratios."""
    trees = {"this": ROOT, "other": os.path.abspath(other)}
    work = tempfile.mkdtemp(prefix="bench-pairs-")
    sim = Simulator(org_knobs())
    org = {name: [] for name in trees}
    try:
        warm_server(sim, work)
        for _ in range(pairs):
            for name, root in trees.items():
                out = os.path.join(work, name)
                shutil.rmtree(out, ignore_errors=True)
                command = [os.path.join(root, "scripts", "aws-inventory")] + org_collect_args(sim, out)
                wall, rss, code, cpu = run_measured(command)
                org[name].append((wall, cpu, rss))
    finally:
        sim.stop()
    moto, endpoint = start_moto()
    runs = {}
    try:
        args = ["collect", "--endpoint-url", endpoint, "--access-key-id", MOTO_KEY, "--secret-access-key",
                "bench", "--list-accounts", "--format", "jsonl", "--output-dir", os.path.join(work, "moto"),
                "--quiet", "--resources", "instances,images,db-instances"]
        env = {k: v for k, v in os.environ.items() if k != "AWS_INVENTORY_JAVA_OPTS"}
        env["AWS_EC2_METADATA_DISABLED"] = "true"
        commands = {}
        for name, root in trees.items():
            commands[name + " launcher"] = [os.path.join(root, "scripts", "aws-inventory")] + args
            commands[name + " jar"] = ["java", "-jar", os.path.join(root, "target", "aws-inventory.jar")] + args
        commands["boto3"] = [sys.executable, os.path.join(ROOT, "scripts", "bench_boto3.py"), endpoint, MOTO_KEY,
                             os.path.join(work, "boto3"), "20", "--without-reserved"]
        for name in trees:
            timed(commands[name + " launcher"], env)  # records the launcher's archive, as a first run does
        runs = {name: [] for name in commands}
        for _ in range(max(3, pairs // 2)):
            for name, command in commands.items():
                wall, cpu, code, err = timed(command, env)
                if code not in (0, 3):
                    print(f"pairs: {name} exit {code}: {err.strip()[:500]}")
                runs[name].append((wall, cpu))
    finally:
        moto.terminate()
        moto.wait()
        shutil.rmtree(work, ignore_errors=True)

    def med(values):
        return statistics.median(values)

    for name, rows in org.items():
        print(f"pairs: org {name} " + " ".join(f"{w:.1f}s/{c:.1f}cpu/{r}MB" for w, c, r in rows))
    print(f"bench: scenario=pairs-org this_wall_s={med([r[0] for r in org['this']]):.2f} "
          f"other_wall_s={med([r[0] for r in org['other']]):.2f} "
          f"this_cpu_s={med([r[1] for r in org['this']]):.2f} other_cpu_s={med([r[1] for r in org['other']]):.2f} "
          f"wall_ratio={med([a[0] / b[0] for a, b in zip(org['this'], org['other'])]):.3f} "
          f"cpu_ratio={med([a[1] / b[1] for a, b in zip(org['this'], org['other'])]):.3f} pairs={pairs}")
    for name, rows in runs.items():
        print(f"pairs: moto {name} " + " ".join(f"{w:.2f}s/{c:.2f}cpu" for w, c in rows))
    b = med([r[0] for r in runs["boto3"]])
    print("bench: scenario=pairs-moto " + " ".join(
        f"{name.replace(' ', '_')}_wall_s={med([r[0] for r in rows]):.2f} "
        f"{name.replace(' ', '_')}_ratio={med([r[0] for r in rows]) / b:.2f}"
        for name, rows in runs.items() if name != "boto3") + f" boto3_wall_s={b:.2f}")


def scenario_applications():
    knobs = ["--accounts", "10", "--regions", "eu-west-1,us-east-1", "--not-opted-in-regions", "af-south-1",
             "--instances", "0", "--nodes-per-target", "200", "--applications-per-node", "150",
             *LATENCY_KNOBS, "--sync-bucket", "inventory-sync/org"]
    for source, extra in (("api", []), ("sync", ["--inventory-sync", "s3://inventory-sync/org"])):
        work = tempfile.mkdtemp(prefix="bench-apps-")
        sim = Simulator(knobs)
        try:
            wall, rss, code, _ = run_collector(sim, os.path.join(work, "out"), heap="256m",
                                            extra=["--resources", "applications",
                                                   "--regions", "eu-west-1,us-east-1"] + extra)
            stats = sim.stats()
        finally:
            sim.stop()
        records = count_lines(os.path.join(work, "out", "ssm_applications.jsonl")) if code in (0, 3) else 0
        shutil.rmtree(work, ignore_errors=True)
        print("applications: calls by API: " + ", ".join(f"{k}={v}" for k, v in sorted(stats["byApi"].items())))
        print(f"applications: source={source} exit={code}")
        print(f"bench: scenario=applications source={source} wall_s={wall:.1f} records={records} "
              f"calls={stats['calls']} peak_rss_mb={rss}")


def scenario_licence():
    """The licence columns' calls: the same 10 accounts x 2 regions with 10,000 and with 100,000
    instances (hosts, managed nodes and DB instances collected too): instance type lookups grow
    with the types and regions, not with the instances."""
    for instances in (10000, 100000):
        knobs = ["--accounts", "10", "--regions", "eu-west-1,us-east-1", "--not-opted-in-regions", "af-south-1",
                 "--instances", str(instances), "--hosts-per-target", "2", "--nodes-per-target", "100",
                 "--db-per-target", "20", *LATENCY_KNOBS]
        work = tempfile.mkdtemp(prefix="bench-licence-")
        sim = Simulator(knobs)
        try:
            wall, rss, code, cpu = run_collector(
                sim, os.path.join(work, "out"), heap="512m",
                extra=["--resources", "instances,db-instances,hosts,managed-nodes",
                       "--regions", "eu-west-1,us-east-1"])
            stats = sim.stats()
        finally:
            sim.stop()
        records = count_lines(os.path.join(work, "out", "ec2_instances.jsonl")) if code in (0, 3) else 0
        shutil.rmtree(work, ignore_errors=True)
        by_api = stats["byApi"]
        print("licence: calls by API: " + ", ".join(f"{k}={v}" for k, v in sorted(by_api.items())))
        print(f"bench: scenario=licence instances={records} exit={code} wall_s={wall:.1f} cpu_s={cpu:.1f} "
              f"peak_rss_mb={rss} calls={stats['calls']} "
              f"describe_instance_types={by_api.get('DescribeInstanceTypes', 0)} "
              f"describe_instances={by_api.get('DescribeInstances', 0)}")


def scenario_report():
    """The licence report of a million-instance set (50 Dedicated Hosts and 200 DB instances too),
    read from its files alone: its time and peak memory, beside the collect that wrote the set."""
    work = tempfile.mkdtemp(prefix="bench-report-")
    out = os.path.join(work, "out")
    knobs = ["--accounts", "1", "--regions", "us-east-1", "--not-opted-in-regions", "af-south-1",
             "--instances", "1000000", "--skew", "false", "--hosts-per-target", "50",
             "--db-per-target", "200", "--reserved-per-target", "0", "--images-per-target", "0",
             *LATENCY_KNOBS]
    sim = Simulator(knobs)
    try:
        collect_wall, _, code, _ = run_collector(sim, out, heap="256m",
                                                 extra=["--resources", "instances,db-instances,hosts"])
    finally:
        sim.stop()
    try:
        os.environ["AWS_INVENTORY_JAVA_OPTS"] = "-Xmx256m"
        wall, rss, report_code, cpu = run_measured(
            [os.path.join(ROOT, "scripts", "aws-inventory"), "report", "--input-dir", out])
        instances = count_lines(os.path.join(out, "ec2_instances.jsonl"))
        rows = count_lines(os.path.join(out, "licence_instances.jsonl")) if report_code == 0 else 0
        positions = count_lines(os.path.join(out, "licence_position.jsonl")) if report_code == 0 else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"bench: scenario=report collect_exit={code} collect_wall_s={collect_wall:.1f} "
          f"report_exit={report_code} report_wall_s={wall:.1f} report_cpu_s={cpu:.1f} "
          f"report_peak_rss_mb={rss} instances={instances} licence_rows={rows} position_lines={positions}")


def scenario_history():
    """A million-instance set appended to SQLite and to PostgreSQL (time and peak RSS of each
    against the collect that wrote it), then a second run with 1% of the instances changed
    (removed, added, resized) and the diff of the two: from the database and from the folders."""
    work = tempfile.mkdtemp(prefix="bench-history-")
    knobs = ["--accounts", "1", "--regions", "us-east-1", "--not-opted-in-regions", "af-south-1",
             "--instances", "1000000", "--skew", "false", "--hosts-per-target", "20",
             "--db-per-target", "0", "--reserved-per-target", "0", "--images-per-target", "0",
             "--change-every", "100", *LATENCY_KNOBS]
    launcher = os.path.join(ROOT, "scripts", "aws-inventory")
    sqlite = "sqlite:" + os.path.join(work, "history.db")
    pg = PostgresCluster()
    lines = []
    try:
        outs = []
        for generation in (0, 1):
            out = os.path.join(work, f"run{generation}")
            sim = Simulator(knobs + ["--generation", str(generation)])
            try:
                wall, rss, code, cpu = run_collector(sim, out, heap="256m", extra=["--resources", "instances"])
            finally:
                sim.stop()
            lines.append(f"bench: scenario=history step=collect generation={generation} exit={code} "
                         f"wall_s={wall:.1f} cpu_s={cpu:.1f} peak_rss_mb={rss} "
                         f"records={count_lines(os.path.join(out, 'ec2_instances.jsonl'))}")
            outs.append((out, wall))
            os.environ["AWS_INVENTORY_JAVA_OPTS"] = "-Xmx256m"
            for name, url, env in (("sqlite", sqlite, {}), ("postgresql", pg.url, pg.env)):
                saved = {k: os.environ.get(k) for k in env}
                os.environ.update(env)
                try:
                    a_wall, a_rss, a_code, a_cpu = run_measured([launcher, "load", out, "--database", url])
                finally:
                    for k, v in saved.items():
                        if v is None:
                            os.environ.pop(k, None)
                        else:
                            os.environ[k] = v
                lines.append(f"bench: scenario=history step=append database={name} generation={generation} "
                             f"exit={a_code} wall_s={a_wall:.1f} cpu_s={a_cpu:.1f} peak_rss_mb={a_rss} "
                             f"ratio_to_collect={a_wall / wall:.2f}")
        for name, args in (("database", ["--database", sqlite]),
                           ("folders", ["--from-dir", outs[0][0], "--to-dir", outs[1][0]])):
            diff_out = os.path.join(work, f"diff-{name}")
            d_wall, d_rss, d_code, d_cpu = run_measured(
                [launcher, "diff", *args, "--output-dir", diff_out, "--format", "jsonl"])
            rows = count_lines(os.path.join(diff_out, "diff_ec2_instances.jsonl")) if d_code == 0 else 0
            lines.append(f"bench: scenario=history step=diff from={name} exit={d_code} wall_s={d_wall:.1f} "
                         f"cpu_s={d_cpu:.1f} peak_rss_mb={d_rss} diff_rows={rows}")
    finally:
        pg.stop()
        shutil.rmtree(work, ignore_errors=True)
    for line in lines:
        print(line)


def main():
    if not os.path.exists(JAR):
        subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-B", "-ntp", "package", "-DskipTests"],
                       cwd=ROOT, check=True)
    subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-B", "-ntp", "test-compile"], cwd=ROOT, check=True)
    scenarios = sys.argv[1:] or ["org", "million", "accounts10k"]
    for name in scenarios:
        concurrency = int(os.environ.get("BENCH_CONCURRENCY", "0")) or None
        if name == "org":
            scenario_org(concurrency)
        elif name == "org-small":
            # the org scenario at a fifth of its size
            scenario_org(concurrency, accounts=20, instances=10000, name="org-small")
        elif name == "org-collector":
            scenario_org(concurrency, with_boto3=False)
        elif name == "org-profiles":
            scenario_org(concurrency, with_boto3=False, name="org-profiles", profiles=True)
        elif name == "org-tls":
            scenario_org(concurrency, name="org-tls", tls=True)
        elif name == "org-tls-collector":
            scenario_org(concurrency, with_boto3=False, name="org-tls", tls=True)
        elif name == "org-warm":
            scenario_org_warm()
        elif name == "million":
            scenario_million()
        elif name == "accounts10k":
            scenario_accounts10k()
        elif name == "accounts2k":
            scenario_accounts2k()
        elif name == "moto":
            scenario_moto()
        elif name == "applications":
            scenario_applications()
        elif name == "carry":
            scenario_carry()
        elif name == "licence":
            scenario_licence()
        elif name == "report":
            scenario_report()
        elif name == "history":
            scenario_history()
        elif name == "push":
            scenario_push()
        elif name.startswith("pairs="):
            scenario_pairs(name.split("=", 1)[1], int(os.environ.get("BENCH_PAIRS", "8")))
        elif name == "sweep":
            for c in (16, 32, 64, 128, 256):
                scenario_org(c, with_boto3=False)
        else:
            raise SystemExit("unknown scenario " + name)


if __name__ == "__main__":
    main()
