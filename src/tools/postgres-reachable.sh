#!/usr/bin/env bash
# Run by the build before the tests: says plainly when the tests' PostgreSQL cannot be had, rather
# than a start-up failure of every test. The tests use QUARKUS_DATASOURCE_JDBC_URL when it is set;
# else an embedded PostgreSQL (common/config/EmbeddedDatabase), except as root, where PostgreSQL
# refuses to run and this machine's own server at 127.0.0.1:5432 is used instead.
if [ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
  url="$QUARKUS_DATASOURCE_JDBC_URL"
elif [ "$(id -u)" = 0 ]; then
  url="jdbc:postgresql://127.0.0.1:5432/test"
else
  exit 0 # the embedded server: nothing to reach
fi
hostport="${url#jdbc:postgresql://}"
hostport="${hostport%%/*}"
hostport="${hostport%%\?*}"
host="${hostport%:*}"
port="${hostport##*:}"
if [ "$host" = "$hostport" ]; then port=5432; fi
if ! (exec 3<>"/dev/tcp/${host}/${port}") 2>/dev/null; then
  echo "undersigned: the tests need PostgreSQL at ${host}:${port} (${url}), and nothing answers there." >&2
  if [ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
    echo "They run as root, where PostgreSQL refuses to run, so the embedded server cannot be" >&2
    echo "used: run them as an ordinary user, or start this machine's PostgreSQL (Debian:" >&2
    echo "pg_ctlcluster <version> main start; .ci/run does it). See README, Quick start." >&2
  else
    echo "Start it, or unset QUARKUS_DATASOURCE_JDBC_URL to use an embedded PostgreSQL." >&2
  fi
  exit 1
fi
