#!/usr/bin/env bash
# Run by the build before the tests: says plainly when the tests' PostgreSQL cannot be reached,
# rather than a start-up failure of every test. The tests use QUARKUS_DATASOURCE_JDBC_URL when it
# is set, else the test profile's jdbc:postgresql://127.0.0.1:5432/test.
url="${QUARKUS_DATASOURCE_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/test}"
hostport="${url#jdbc:postgresql://}"
hostport="${hostport%%/*}"
hostport="${hostport%%\?*}"
host="${hostport%:*}"
port="${hostport##*:}"
if [ "$host" = "$hostport" ]; then port=5432; fi
if ! (exec 3<>"/dev/tcp/${host}/${port}") 2>/dev/null; then
  echo "undersigned: the tests need PostgreSQL at ${host}:${port} (${url}), and nothing answers there." >&2
  echo "Start it (Debian: pg_ctlcluster <version> main start; .ci/run does it and creates the" >&2
  echo "'test' database), or point QUARKUS_DATASOURCE_JDBC_URL at one. See README, Quick start." >&2
  exit 1
fi
