#!/usr/bin/env bash
# Writes src/main/resources/domains/free-mail.txt anew from the newest release (or the version
# given) of the npm package free-email-domains, the maintained list of free and disposable e-mail
# domains that DOMAIN_MATCH never grants (see Emails.domainMatches). Needs Node.js and npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${1:-latest}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "free-email-domains@$version" >/dev/null && tar xzf free-email-domains-*.tgz)
resolved="$(node -p "require('$work/package/package.json').version")"
out=src/main/resources/domains/free-mail.txt
{
  echo "# Free and disposable e-mail domains: npm package free-email-domains $resolved"
  echo "# (https://github.com/kikobeats/free-email-domains, MIT licence, from HubSpot's list),"
  echo "# one per line, sorted. Not edited by hand: src/tools/refresh-free-mail-domains.sh"
  echo "# writes it anew from the newest release."
  node -e "for (const d of [...new Set(require('$work/package/domains.json').map(s => s.trim().toLowerCase()).filter(Boolean))].sort()) console.log(d)"
} > "$out"
echo "Wrote $(grep -vc '^#' "$out") domains of free-email-domains $resolved to $out"
