#!/bin/sh
# Runs one of this folder's npm commands for the build (ci, run lint, run lint:kubernetes), or
# says what to install when Node.js is missing, rather than a Java stack trace.
if ! command -v npm >/dev/null 2>&1; then
  echo "undersigned: Node.js (npm) is needed to lint the contract and validate the Kubernetes" >&2
  echo "manifests (src/lint). Install it (Debian: apt-get install nodejs npm; elsewhere:" >&2
  echo "https://nodejs.org), or build without these checks: ./mvnw verify -Dspectral.skip" >&2
  exit 1
fi
exec npm "$@"
