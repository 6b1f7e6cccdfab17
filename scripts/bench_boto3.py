#!/usr/bin/env python3
"""Reference collector written the way common boto3 multi-account helpers are: a 20-thread pool over
account x region, each target listing its instances, images (owned and in use), reserved instances and
DB instances page by page, records written as JSON Lines. It makes the same calls as aws-inventory.

    bench_boto3.py ENDPOINT ACCESS_KEY OUTPUT_DIR [THREADS]
"""
import json
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

ENDPOINT, ACCESS_KEY, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
THREADS = int(sys.argv[4]) if len(sys.argv) > 4 else 20
CONFIG = Config(retries={"max_attempts": 8, "mode": "standard"}, max_pool_connections=THREADS)
LOCK = threading.Lock()
FILES = {}


def client(service, region, creds):
    return boto3.session.Session().client(
        service, endpoint_url=ENDPOINT, region_name=region, config=CONFIG, **creds)


def write(kind, account, region, record):
    record = {"AccountId": account, "Region": region, **record}
    line = json.dumps(record, default=str)
    with LOCK:
        FILES[kind].write(line + "\n")


def account_targets(account, base):
    creds = base
    if account["Id"] != MANAGEMENT:
        sts = client("sts", "us-east-1", base)
        c = sts.assume_role(RoleArn=f"arn:aws:iam::{account['Id']}:role/OrganizationAccountAccessRole",
                            RoleSessionName="boto3-reference")["Credentials"]
        creds = {"aws_access_key_id": c["AccessKeyId"], "aws_secret_access_key": c["SecretAccessKey"],
                 "aws_session_token": c["SessionToken"]}
    client("sts", "us-east-1", creds).get_caller_identity()
    regions = client("ec2", "us-east-1", creds).describe_regions(AllRegions=True)["Regions"]
    return [(account["Id"], r["RegionName"], creds) for r in regions
            if r.get("OptInStatus") != "not-opted-in"]


def collect_target(target):
    account, region, creds = target
    ec2 = client("ec2", region, creds)
    in_use = set()
    for page in ec2.get_paginator("describe_instances").paginate(PaginationConfig={"PageSize": 1000}):
        for reservation in page["Reservations"]:
            for instance in reservation["Instances"]:
                in_use.add(instance.get("ImageId"))
                write("instances", account, region, instance)
    seen = set()
    for page in ec2.get_paginator("describe_images").paginate(Owners=["self"], IncludeDeprecated=True,
                                                              PaginationConfig={"PageSize": 1000}):
        for image in page["Images"]:
            seen.add(image["ImageId"])
            write("images", account, region, image)
    wanted = sorted(i for i in in_use - seen if i)
    for start in range(0, len(wanted), 200):
        batch = wanted[start:start + 200]
        for page in ec2.get_paginator("describe_images").paginate(
                Filters=[{"Name": "image-id", "Values": batch}], PaginationConfig={"PageSize": 1000}):
            for image in page["Images"]:
                write("images", account, region, image)
    for reserved in ec2.describe_reserved_instances()["ReservedInstances"]:
        write("reserved", account, region, reserved)
    rds = client("rds", region, creds)
    for page in rds.get_paginator("describe_db_instances").paginate(PaginationConfig={"PageSize": 100}):
        for db in page["DBInstances"]:
            write("db", account, region, db)


def main():
    global MANAGEMENT
    os.makedirs(OUT, exist_ok=True)
    for kind in ("instances", "images", "reserved", "db"):
        FILES[kind] = open(os.path.join(OUT, kind + ".jsonl"), "w")
    base = {"aws_access_key_id": ACCESS_KEY, "aws_secret_access_key": "reference-secret"}
    MANAGEMENT = client("sts", "us-east-1", base).get_caller_identity()["Account"]
    org = client("organizations", "us-east-1", base)
    accounts = [a for page in org.get_paginator("list_accounts").paginate() for a in page["Accounts"]
                if a["Status"] == "ACTIVE"]
    with ThreadPoolExecutor(THREADS) as pool:
        targets = [t for ts in pool.map(lambda a: account_targets(a, base), accounts) for t in ts]
        list(pool.map(collect_target, targets))
    for f in FILES.values():
        f.close()
    print(f"boto3 reference: {len(accounts)} accounts, {len(targets)} targets")


if __name__ == "__main__":
    main()
