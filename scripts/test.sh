#!/usr/bin/env bash
# Builds aws-inventory and runs every test: unit tests, then integration tests against a moto AWS
# emulator started here on a free loopback port and stopped on exit, the licence report's page in
# Debian's headless Chromium and the history in a real PostgreSQL (both installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c 'import moto.server' >/dev/null 2>&1; then
  echo "test.sh: installing moto[server] 5.2.1 for the integration tests" >&2
  python3 -m pip install --quiet 'moto[server]==5.2.1'
fi

# Debian packages the tests use: Chromium for the licence report's page, PostgreSQL for the history
# database (the tests start a cluster of their own on a loopback port)
packages=()
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  packages+=(chromium chromium-driver)
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  packages+=(postgresql-15)
fi
if [ ${#packages[@]} -gt 0 ]; then
  echo "test.sh: installing ${packages[*]}" >&2
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo apt-get install -y -q --no-install-recommends "${packages[@]}" >/dev/null; then
    $sudo apt-get update -q >/dev/null
    $sudo apt-get install -y -q --no-install-recommends "${packages[@]}" >/dev/null
  fi
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
moto_log=$(mktemp "${TMPDIR:-/tmp}/moto.XXXXXX.log")
python3 -m moto.server -H 127.0.0.1 -p "$port" >"$moto_log" 2>&1 &
moto_pid=$!
stop_moto() {
  kill "$moto_pid" 2>/dev/null || true
  wait "$moto_pid" 2>/dev/null || true
  rm -f "$moto_log"
}
trap stop_moto EXIT

endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  if python3 -c "import urllib.request, sys; urllib.request.urlopen('$endpoint/moto-api/', timeout=1)" >/dev/null 2>&1; then
    break
  fi
  if ! kill -0 "$moto_pid" 2>/dev/null; then
    echo "test.sh: moto server exited:" >&2
    cat "$moto_log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "test.sh: moto server on $endpoint" >&2

export AWS_INVENTORY_MOTO_ENDPOINT="$endpoint"
./mvnw -B -ntp verify "$@"
