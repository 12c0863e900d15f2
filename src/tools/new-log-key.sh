#!/usr/bin/env bash
# Makes a signing key for the public log: prints the signer key (the secret, for
# UNDERSIGNED_LOG_SIGNING_KEY) and, on the next line, its verifier key (public: what readers check
# checkpoints with). The formats are those of Go's golang.org/x/mod/sumdb/note (Ed25519). Needs
# openssl and python3. Usage: src/tools/new-log-key.sh <name>, the name a host name such as
# letter.coalition.example (no '+', no space).
set -euo pipefail
name="${1:?usage: $0 <name>}"
case "$name" in *+*|*" "*) echo "A key name has no '+' nor space" >&2; exit 2;; esac
pem="$(mktemp)"
trap 'rm -f "$pem"' EXIT
openssl genpkey -algorithm ed25519 -out "$pem" 2>/dev/null
seed="$(openssl pkey -in "$pem" -outform DER | tail -c 32 | base64 -w0)"
public="$(openssl pkey -in "$pem" -pubout -outform DER | tail -c 32 | base64 -w0)"
python3 - "$name" "$seed" "$public" <<'PY'
import base64, hashlib, sys
name, seed, public = sys.argv[1], base64.b64decode(sys.argv[2]), base64.b64decode(sys.argv[3])
key_hash = hashlib.sha256(name.encode() + b"\n" + b"\x01" + public).digest()[:4].hex()
ED25519 = b"\x01"
secret = base64.b64encode(ED25519 + seed).decode()
verifier = base64.b64encode(ED25519 + public).decode()
print("PRIVATE+KEY+%s+%s+%s" % (name, key_hash, secret))
print("%s+%s+%s" % (name, key_hash, verifier))
PY
