#!/usr/bin/env bash
# Lists the source files over 300 lines, longest first: a signal for review (a class that long may
# hold two responsibilities), not a rule. Split by responsibility, never by trimming lines.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-300}
find src -name '*.java' -print0 | xargs -0 wc -l | grep -v ' total$' |
  awk -v limit="$limit" '$1 > limit' | sort -rn
