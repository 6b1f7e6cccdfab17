#!/usr/bin/env bash
# A demo without AWS: builds if needed, starts the AWS simulator with a small organization (6 accounts
# in nested OUs, one suspended, 2 regions + 1 opt-in region, Systems Manager nodes among which
# on-premises mi- servers), runs `collect --list-accounts --resources all --report` against it, prints
# the run summary, the licence position and where the files are, and stops the simulator.
#   scripts/demo.sh [OUTPUT_DIR]      (default: demo-output)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-demo-output}
if [ ! -f target/aws-inventory.jar ]; then
  echo "demo: building aws-inventory (first run only)" >&2
  ./mvnw -q -B -ntp package -DskipTests
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
sim_log=$(mktemp "${TMPDIR:-/tmp}/aws-simulator.XXXXXX.log")
scripts/simulator.sh --port "$port" --accounts 6 --suspended-every 5 --instances 2000 \
  --regions eu-west-1,us-east-1 --not-opted-in-regions af-south-1 --nodes-per-target 5 --db-per-target 7 \
  >"$sim_log" 2>&1 &
sim_pid=$!
stop_simulator() {
  kill "$sim_pid" 2>/dev/null || true
  wait "$sim_pid" 2>/dev/null || true
  rm -f "$sim_log"
}
trap stop_simulator EXIT
for _ in $(seq 1 240); do
  grep -q listening "$sim_log" 2>/dev/null && break
  if ! kill -0 "$sim_pid" 2>/dev/null; then cat "$sim_log" >&2; exit 1; fi
  sleep 0.5
done
echo "demo: $(head -1 "$sim_log")" >&2
set +e
scripts/aws-inventory collect --endpoint-url "http://127.0.0.1:$port" \
  --access-key-id AKIASIM100000000000 --secret-access-key demo-secret \
  --list-accounts --resources all --format csv --tag-columns Name --output-dir "$out" --report
code=$?
set -e
python3 - "$out/run_summary.json" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
print(f"\nrun summary ({sys.argv[1]}): exit code {summary['exitCode']}, totals {summary['totals']}")
for account in summary["accounts"]:
    print(f"  account {account['accountId']} {account.get('accountName', ''):<12} {account['status']:<8} "
          f"{account.get('identity') or account.get('message', '')}")
for f in summary["files"]:
    print(f"  {f['file']:<30} {f['records']:>6} records")
import csv, os
apps = os.path.join(os.path.dirname(sys.argv[1]), "ssm_applications.csv")
if os.path.exists(apps):
    with open(apps, newline="", encoding="utf-8") as f:
        nodes = {row["InstanceId"] for row in csv.DictReader(f)}
    on_premises = sorted(n for n in nodes if n.startswith("mi-"))
    print(f"  managed nodes with software: {len(nodes)}, of which on-premises (mi-): {len(on_premises)}")
position = os.path.join(os.path.dirname(sys.argv[1]), "licence_position.csv")
if os.path.exists(position):
    print("\nlicence position (all accounts; licence_report.html shows it as a page):")
    print(f"  {'product':<26} {'edition':<20} {'metric':<10} {'units':>6} {'resources':>9} {'BYOL':>5} "
          f"{'flagged':>7} {'not computable':>14}")
    with open(position, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Scope"] == "total":
                print(f"  {row['Product']:<26} {row['Edition']:<20} {row['Metric']:<10} "
                      f"{row['UnitsRequired']:>6} {row['Resources']:>9} {row['Byol']:>5} "
                      f"{row['Flagged']:>7} {row['NotComputable']:>14}")
PY
echo "files in $(cd "$out" && pwd)"
exit $code
