#!/usr/bin/env python3
"""Checks an open letter against its public log, trusting nothing the service says.

    python3 verify-letter.py https://SERVICE/api/v1/letters/SLUG [--name NAME --salt HEX --index N]

1. Reads the letter's JSON: where its log is (log.url, log.origin) and its verifier key (log.key).
2. Fetches the signed checkpoint and verifies its Ed25519 signature (C2SP signed-note) with
   OpenSSL, after checking that the key hash matches the key.
3. Fetches every entry (C2SP tlog-tiles entry bundles), recomputes the RFC 9162 Merkle tree hash
   and compares it with the signed root: no entry was changed, dropped or added.
4. Recomputes the counts from the entries (publications minus endings) and prints them beside the
   letter's own.
5. With --name, --salt and --index (what a signatory holds): checks that the entry at that index
   is the commitment SHA-256(salt || UTF-8 of the NFC name).

Only Python's standard library and the openssl command. Exit status 0 when every check passes.
Written from the RFCs and C2SP specifications, sharing no code with the service.
"""
import argparse
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import urllib.request


def get(url):
    request = urllib.request.Request(url, headers={"Accept": "application/json, text/plain, */*"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def verify_signature(note, key):
    """C2SP signed-note: the text, a blank line, then "— <name> <base64(key hash || sig)>"."""
    name, key_hash, key_b64 = key.split("+", 2)  # the base64 may hold "+" too
    key_bytes = base64.b64decode(key_b64)
    if key_bytes[0] != 1 or len(key_bytes) != 33:
        sys.exit("The key is not an Ed25519 note key")
    public = key_bytes[1:]
    expected = hashlib.sha256(name.encode() + b"\n" + b"\x01" + public).digest()[:4]
    if expected.hex() != key_hash:
        sys.exit("The key's hash does not match the key")
    split = note.rindex("\n\n")
    text = note[: split + 1]
    for line in note[split + 2:].splitlines():
        dash, signer, signature_b64 = line.split(" ")
        if dash != "\u2014" or signer != name:
            continue
        signature = base64.b64decode(signature_b64)
        if signature[:4] != expected:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            pem = os.path.join(tmp, "key.pem")
            der = bytes.fromhex("302a300506032b6570032100") + public
            with open(pem, "w") as f:
                f.write("-----BEGIN PUBLIC KEY-----\n" + base64.b64encode(der).decode()
                        + "\n-----END PUBLIC KEY-----\n")
            for file, data in (("text", text.encode()), ("sig", signature[4:])):
                with open(os.path.join(tmp, file), "wb") as f:
                    f.write(data)
            result = subprocess.run(
                ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pem, "-rawin",
                 "-in", os.path.join(tmp, "text"), "-sigfile", os.path.join(tmp, "sig")],
                capture_output=True)
            return result.returncode == 0, text
    return False, text


def tile_index(n):
    """tlog-tiles: N in three-digit path elements, all but the last after an x."""
    parts = [f"{n % 1000:03d}"]
    n //= 1000
    while n > 0:
        parts.insert(0, f"x{n % 1000:03d}")
        n //= 1000
    return "/".join(parts)


def entries_of(url, size):
    entries = []
    for n in range((size + 255) // 256):
        width = min(256, size - n * 256)
        path = f"tile/entries/{tile_index(n)}" + ("" if width == 256 else f".p/{width}")
        bundle = get(url + path)
        offset = 0
        while offset < len(bundle):
            length = int.from_bytes(bundle[offset:offset + 2], "big")
            entries.append(bundle[offset + 2:offset + 2 + length])
            offset += 2 + length
    return entries[:size]


def tree_hash(leaves):
    """RFC 9162 2.1.1: MTH of the leaf hashes."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b"\x01" + tree_hash(leaves[:k]) + tree_hash(leaves[k:])).digest()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("letter", help="the letter's URL, https://SERVICE/api/v1/letters/SLUG")
    parser.add_argument("--name")
    parser.add_argument("--salt")
    parser.add_argument("--index", type=int)
    args = parser.parse_args()

    letter = json.loads(get(args.letter))
    log = letter.get("log")
    if not log:
        sys.exit("The letter announces no public log (or its list is under embargo)")
    print(f"log: {log['url']}\nkey: {log['key']}")
    note = get(log["url"] + "checkpoint").decode()
    verified, text = verify_signature(note, log["key"])
    origin, size, root_b64 = text.splitlines()[:3]
    size = int(size)
    print(f"checkpoint: {size} entries, signature {'verifies' if verified else 'DOES NOT VERIFY'}")
    if not verified or origin != log["origin"]:
        sys.exit("The checkpoint is not signed by the letter's key for this log")
    entries = entries_of(log["url"], size)
    leaves = [hashlib.sha256(b"\x00" + e).digest() for e in entries]
    if len(entries) != size or tree_hash(leaves) != base64.b64decode(root_b64):
        sys.exit("The entries do not rebuild the signed root: the log was altered")
    print("entries: every one fetched, and they rebuild the signed root")
    total = anonymous = 0
    for entry in entries:
        e = json.loads(entry)
        sign = {"published": 1, "withdrawn": -1, "removed": -1}.get(e["event"], 0)
        total += sign
        anonymous += sign if e.get("anonymous") else 0
    counts = letter.get("counts") or {}
    print(f"counts from the log: total {total}, named {total - anonymous}, anonymous {anonymous}")
    print(f"counts the letter shows: total {counts.get('total')}, named {counts.get('named')},"
          f" anonymous {counts.get('anonymous')}")
    if args.name is not None:
        name = unicodedata.normalize("NFC", args.name).encode()
        commitment = hashlib.sha256(bytes.fromhex(args.salt) + name).hexdigest()
        found = json.loads(entries[args.index]).get("commitment")
        if commitment != found:
            sys.exit(f"Entry {args.index} is not the commitment of this name and salt")
        print(f"entry {args.index}: the commitment of this name and salt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
