#!/usr/bin/env bash
# Benchmark: the built jar against the AWS simulator (org, million, accounts10k; or the others
# scripts/bench.py lists).
# Prints figures; it is not a test. Usage: scripts/bench.sh [org|million|accounts10k|accounts2k|sweep ...]
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/bench.py "$@"
