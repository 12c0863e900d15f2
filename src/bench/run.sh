#!/usr/bin/env bash
# The benchmark, in one command, from anywhere: installs what it drives the service with (wrk,
# nginx, pgbench, psql, openssl from Debian's packages) if missing, makes sure PostgreSQL is up,
# then runs bench.py (options: --seconds, --connections, --endorsements, --no-build).
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx-light)
command -v pgbench >/dev/null || missing+=(postgresql-contrib)
command -v psql >/dev/null || missing+=(postgresql-client)
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
if ! pg_isready -h 127.0.0.1 -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
exec python3 src/bench/bench.py "$@"
