#!/usr/bin/env python3
"""Reference collector, written the way a competent engineer writes a multi-account boto3 collector:
one boto3 Session per account (holding that account's credentials), one client per service x region
made once per account x region and reused for every call of it, a 20-thread pool over the targets,
connection pools as large as the thread pool, standard retries. Each target lists its instances,
images (owned and in use), reserved instances and DB instances page by page, and writes the records
as JSON Lines: the same calls aws-inventory makes. It prints its wall and CPU time.

    bench_boto3.py ENDPOINT ACCESS_KEY OUTPUT_DIR [THREADS] [--without-reserved]

--without-reserved leaves reserved instances out, for an emulator that does not implement them.
"""
import json
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

WITHOUT_RESERVED = "--without-reserved" in sys.argv
ARGS = [a for a in sys.argv[1:] if a != "--without-reserved"]
ENDPOINT, ACCESS_KEY, OUT = ARGS[0], ARGS[1], ARGS[2]
THREADS = int(ARGS[3]) if len(ARGS) > 3 else 20
CONFIG = Config(retries={"max_attempts": 8, "mode": "standard"}, max_pool_connections=THREADS)
LOCK = threading.Lock()
FILES = {}


class Account:
    """One account's Session; boto3 sessions are not thread-safe, so clients are made under a lock."""

    def __init__(self, account_id, **credentials):
        self.id = account_id
        self.session = boto3.session.Session(**credentials)
        self.lock = threading.Lock()

    def client(self, service, region):
        with self.lock:
            return self.session.client(service, endpoint_url=ENDPOINT, region_name=region, config=CONFIG)


def write(kind, account, region, record):
    line = json.dumps({"AccountId": account, "Region": region, **record}, default=str)
    with LOCK:
        FILES[kind].write(line + "\n")


def account_targets(listed, management):
    if listed["Id"] == management.id:
        account = management
    else:
        c = management.client("sts", "us-east-1").assume_role(
            RoleArn=f"arn:aws:iam::{listed['Id']}:role/OrganizationAccountAccessRole",
            RoleSessionName="boto3-reference")["Credentials"]
        account = Account(listed["Id"], aws_access_key_id=c["AccessKeyId"],
                          aws_secret_access_key=c["SecretAccessKey"], aws_session_token=c["SessionToken"])
    ec2_home = account.client("ec2", "us-east-1")
    regions = ec2_home.describe_regions(AllRegions=True)["Regions"]
    return [(account, r["RegionName"]) for r in regions if r.get("OptInStatus") != "not-opted-in"]


FAILURES = []


def collect_target(target):
    """Each resource on its own: one that fails (an API the endpoint lacks) is counted, not fatal."""
    account, region = target
    ec2 = account.client("ec2", region)
    rds = account.client("rds", region)
    steps = [collect_instances_and_images, collect_db] if WITHOUT_RESERVED else \
        [collect_instances_and_images, collect_reserved, collect_db]
    for step in steps:
        try:
            step(account, region, ec2, rds)
        except (ClientError, BotoCoreError) as e:
            FAILURES.append(f"{account.id}/{region}/{step.__name__}: {type(e).__name__}")


def collect_instances_and_images(account, region, ec2, rds):
    in_use = set()
    for page in ec2.get_paginator("describe_instances").paginate(PaginationConfig={"PageSize": 1000}):
        for reservation in page["Reservations"]:
            for instance in reservation["Instances"]:
                in_use.add(instance.get("ImageId"))
                write("instances", account.id, region, instance)
    seen = set()
    for page in ec2.get_paginator("describe_images").paginate(Owners=["self"], IncludeDeprecated=True,
                                                              PaginationConfig={"PageSize": 1000}):
        for image in page["Images"]:
            seen.add(image["ImageId"])
            write("images", account.id, region, image)
    wanted = sorted(i for i in in_use - seen if i)
    for start in range(0, len(wanted), 200):
        batch = wanted[start:start + 200]
        for page in ec2.get_paginator("describe_images").paginate(
                Filters=[{"Name": "image-id", "Values": batch}], PaginationConfig={"PageSize": 1000}):
            for image in page["Images"]:
                write("images", account.id, region, image)


def collect_reserved(account, region, ec2, rds):
    for reserved in ec2.describe_reserved_instances()["ReservedInstances"]:
        write("reserved", account.id, region, reserved)


def collect_db(account, region, ec2, rds):
    for page in rds.get_paginator("describe_db_instances").paginate(PaginationConfig={"PageSize": 100}):
        for db in page["DBInstances"]:
            write("db", account.id, region, db)


def main():
    start = time.monotonic()
    os.makedirs(OUT, exist_ok=True)
    for kind in ("instances", "images", "reserved", "db"):
        FILES[kind] = open(os.path.join(OUT, kind + ".jsonl"), "w")
    base = {"aws_access_key_id": ACCESS_KEY, "aws_secret_access_key": "reference-secret"}
    probe = boto3.session.Session(**base).client("sts", endpoint_url=ENDPOINT, region_name="us-east-1",
                                                 config=CONFIG)
    management = Account(probe.get_caller_identity()["Account"], **base)
    org = management.client("organizations", "us-east-1")
    accounts = [a for page in org.get_paginator("list_accounts").paginate() for a in page["Accounts"]
                if a["Status"] == "ACTIVE"]
    with ThreadPoolExecutor(THREADS) as pool:
        targets = [t for ts in pool.map(lambda a: account_targets(a, management), accounts) for t in ts]
        list(pool.map(collect_target, targets))
    for f in FILES.values():
        f.close()
    print(f"boto3 reference: {len(accounts)} accounts, {len(targets)} targets, {len(FAILURES)} failed steps, "
          f"wall_s={time.monotonic() - start:.1f} cpu_s={time.process_time():.1f}")


if __name__ == "__main__":
    main()
