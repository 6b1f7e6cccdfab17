#!/usr/bin/env python3
"""Benchmark of the built jar against the AWS simulator; prints figures, asserts nothing.

Scenarios (all with the simulator on loopback):
  org          100 accounts x 17 regions, 50,000 instances (uneven), RIs, images, DB instances,
               EC2-style token buckets, 50 ms per call; plus the boto3 reference collector
  million      1 account x 1 region x 1,000,000 instances, collector run with -Xmx256m
  accounts10k  10,000 accounts x 1 region, little data, collector run with -Xmx512m
  org-small    the org scenario at a fifth of its size (20 accounts), with the boto3 reference
  org-collector  the org scenario without the boto3 reference
  sweep        the org scenario at several --concurrency values
  applications 10 accounts x 2 regions x 200 managed nodes x 150 applications (600,000 records),
               read through the Systems Manager API and through a Resource Data Sync bucket,
               50 ms per call, collector run with -Xmx256m
"""
import json
import os
import shutil
import socket
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
REGIONS17 = ("ap-northeast-1,ap-northeast-2,ap-northeast-3,ap-south-1,ap-southeast-1,ap-southeast-2,"
             "ca-central-1,eu-central-1,eu-north-1,eu-west-1,eu-west-2,eu-west-3,sa-east-1,"
             "us-east-1,us-east-2,us-west-1,us-west-2")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Simulator:
    def __init__(self, knobs):
        self.port = free_port()
        env = dict(os.environ, SIMULATOR_JAVA_OPTS="-Xmx4g")
        self.process = subprocess.Popen(
            [os.path.join(ROOT, "scripts", "simulator.sh"), "--port", str(self.port)] + knobs,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        line = self.process.stdout.readline()
        if "listening" not in line:
            raise SystemExit("simulator did not start: " + line + self.process.stdout.read())
        self.endpoint = f"http://127.0.0.1:{self.port}"

    def stats(self):
        with urllib.request.urlopen(self.endpoint + "/sim/stats") as r:
            return json.load(r)

    def stop(self):
        self.process.terminate()
        self.process.wait()


def peak_rss_watch(pid, result):
    """Polls the high-water mark of the process's resident set until it exits."""
    while True:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        result[0] = max(result[0], int(line.split()[1]) // 1024)
        except (FileNotFoundError, ProcessLookupError):
            return
        time.sleep(0.05)


def run_collector(sim, out, heap=None, concurrency=None, extra=()):
    # run as users run it: the launcher, with its default JVM options plus the heap cap
    launcher = os.path.join(ROOT, "scripts", "aws-inventory")
    os.environ["AWS_INVENTORY_JAVA_OPTS"] = "-XX:TieredStopAtLevel=1" + (f" -Xmx{heap}" if heap else "")
    command = [launcher, "collect",
               "--endpoint-url", sim.endpoint, "--access-key-id", KEY, "--secret-access-key", "bench",
               "--list-accounts", "--format", "jsonl", "--output-dir", out, "--quiet"]
    if concurrency:
        command += ["--concurrency", str(concurrency)]
    command += list(extra)
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    rss = [0]
    watcher = threading.Thread(target=peak_rss_watch, args=(process.pid, rss), daemon=True)
    watcher.start()
    stdout, stderr = process.communicate()
    wall = time.monotonic() - start
    watcher.join(timeout=1)
    if process.returncode != 0:
        print(f"collector exit {process.returncode}: {stderr.strip()[:2000]}")
    return wall, rss[0], process.returncode


def floor_of(stats, concurrency):
    """max(longest chain of dependent calls, total calls / concurrency) x latency."""
    by_target_api = stats["byTargetApi"]
    per_target = {}
    for key, count in by_target_api.items():
        account, region, api = key.split("/")
        if api in ("DescribeInstances", "DescribeImages"):
            per_target[(account, region)] = per_target.get((account, region), 0) + count
    list_pages = stats["byApi"].get("ListAccounts", 0)
    # base identity, org listing pages, then per account AssumeRole, GetCallerIdentity,
    # DescribeRegions, then the longest target: instance pages followed by image calls
    chain = 1 + list_pages + 3 + max(per_target.values() or [0])
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
            "--db-per-target", "2", "--latency-ms", "50", "--bucket-burst", "100", "--bucket-refill", "20",
            "--organizational-units", "10"]


def scenario_org(concurrency, with_boto3=True, accounts=100, instances=50000, name="org"):
    work = tempfile.mkdtemp(prefix="bench-org-")
    sim = Simulator(org_knobs(accounts, instances))
    try:
        wall, rss, code = run_collector(sim, os.path.join(work, "out"), concurrency=concurrency)
        stats = sim.stats()
    finally:
        sim.stop()
    floor, chain, calls = floor_of(stats, concurrency)
    records = count_lines(os.path.join(work, "out", "ec2_instances.jsonl")) if code in (0, 3) else 0
    print(f"org: concurrency={concurrency} exit={code} wall={wall:.1f}s floor={floor:.1f}s "
          f"(chain {chain} calls, {calls} calls / {concurrency}) instances={records}")
    print("org: calls by API: " + ", ".join(f"{k}={v}" for k, v in sorted(stats["byApi"].items())))
    retries = stats["throttled"] + stats["serverErrors"] + stats["hung"]
    print(f"org: throttled={stats['throttled']} retries={retries} peak_rss_mb={rss}")
    boto3_wall = None
    if with_boto3:
        sim = Simulator(org_knobs(accounts, instances))
        try:
            start = time.monotonic()
            subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "bench_boto3.py"), sim.endpoint,
                            KEY, os.path.join(work, "boto3"), "20"], check=True)
            boto3_wall = time.monotonic() - start
            boto3_instances = count_lines(os.path.join(work, "boto3", "instances.jsonl"))
        finally:
            sim.stop()
        print(f"{name}: boto3 reference (20 threads) wall={boto3_wall:.1f}s instances={boto3_instances}")
    shutil.rmtree(work, ignore_errors=True)
    speedup = f"{boto3_wall / wall:.1f}" if boto3_wall else "n/a"
    boto3_text = f"{boto3_wall:.1f}" if boto3_wall else "n/a"
    print(f"bench: scenario={name} wall_s={wall:.1f} floor_s={floor:.1f} ratio={wall / floor:.2f} "
          f"boto3_wall_s={boto3_text} speedup={speedup} peak_rss_mb={rss} calls={calls} "
          f"throttled={stats['throttled']}")


def scenario_million():
    work = tempfile.mkdtemp(prefix="bench-million-")
    knobs = ["--accounts", "1", "--regions", "us-east-1", "--not-opted-in-regions", "af-south-1",
             "--instances", "1000000", "--skew", "false", "--reserved-per-target", "2",
             "--images-per-target", "3", "--db-per-target", "2", "--latency-ms", "50"]
    sim = Simulator(knobs)
    try:
        wall, rss, code = run_collector(sim, os.path.join(work, "out"), heap="256m",
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


def scenario_accounts10k():
    work = tempfile.mkdtemp(prefix="bench-10k-")
    knobs = ["--accounts", "10000", "--regions", "us-east-1", "--not-opted-in-regions", "af-south-1",
             "--instances", "20000", "--reserved-per-target", "0", "--images-per-target", "1",
             "--db-per-target", "0", "--organizational-units", "50"]
    sim = Simulator(knobs)
    try:
        wall, rss, code = run_collector(sim, os.path.join(work, "out"), heap="512m")
        stats = sim.stats()
    finally:
        sim.stop()
    records = count_lines(os.path.join(work, "out", "ec2_instances.jsonl")) if code in (0, 3) else 0
    shutil.rmtree(work, ignore_errors=True)
    print(f"bench: scenario=accounts10k exit={code} wall_s={wall:.1f} records={records} "
          f"peak_rss_mb={rss} calls={stats['calls']}")


def scenario_applications():
    knobs = ["--accounts", "10", "--regions", "eu-west-1,us-east-1", "--not-opted-in-regions", "af-south-1",
             "--instances", "0", "--nodes-per-target", "200", "--applications-per-node", "150",
             "--latency-ms", "50", "--sync-bucket", "inventory-sync/org"]
    for source, extra in (("api", []), ("sync", ["--inventory-sync", "s3://inventory-sync/org"])):
        work = tempfile.mkdtemp(prefix="bench-apps-")
        sim = Simulator(knobs)
        try:
            wall, rss, code = run_collector(sim, os.path.join(work, "out"), heap="256m",
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


def main():
    if not os.path.exists(JAR):
        subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-B", "-ntp", "package", "-DskipTests"],
                       cwd=ROOT, check=True)
    subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-B", "-ntp", "test-compile"], cwd=ROOT, check=True)
    scenarios = sys.argv[1:] or ["org", "million", "accounts10k"]
    for name in scenarios:
        if name == "org":
            scenario_org(int(os.environ.get("BENCH_CONCURRENCY", "0")) or default_concurrency())
        elif name == "org-small":
            # the org scenario at a fifth of its size, where the boto3 reference ends in minutes
            scenario_org(int(os.environ.get("BENCH_CONCURRENCY", "0")) or default_concurrency(),
                         accounts=20, instances=10000, name="org-small")
        elif name == "org-collector":
            scenario_org(int(os.environ.get("BENCH_CONCURRENCY", "0")) or default_concurrency(),
                         with_boto3=False)
        elif name == "million":
            scenario_million()
        elif name == "accounts10k":
            scenario_accounts10k()
        elif name == "applications":
            scenario_applications()
        elif name == "sweep":
            for c in (16, 32, 64, 128, 256):
                scenario_org(c, with_boto3=False)
        else:
            raise SystemExit("unknown scenario " + name)


def default_concurrency():
    """The collector's own default, read from its help."""
    text = subprocess.run(["java", "-jar", JAR, "collect", "--help"], capture_output=True, text=True).stdout
    import re
    return int(re.search(r"--concurrency=N\s+How many[\s\S]*?\(default:\s+(\d+)\)", text).group(1))


if __name__ == "__main__":
    main()
