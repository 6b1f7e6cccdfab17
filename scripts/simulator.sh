#!/usr/bin/env bash
# Runs the AWS simulator of the test tree as a process on 127.0.0.1, for scripts and demos.
#   scripts/simulator.sh --port 47123 [--accounts 20 --regions eu-west-1,us-east-1 --instances 5000
#     --latency-ms 50 --jitter-ms 10 --bucket-burst 100 --bucket-refill 20 --server-error-rate 0.1
#     --hanging-regions eu-west-1 --denied-accounts 100000000003 --denied-apis DescribeImages
#     --token-lifetime-s 60 --suspended-every 7 --seed 42 ...]
# Counters are served at http://127.0.0.1:PORT/sim/stats. The management account's access key is
# AKIASIM100000000000 (any secret).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/test-classpath.txt ] || [ ! -f target/test-classes/io/awsinventory/sim/AwsSimulator.class ]; then
  ./mvnw -q -B -ntp test-compile >&2
fi
exec java -Dsun.net.httpserver.nodelay=true ${SIMULATOR_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.awsinventory.sim.AwsSimulator "$@"
