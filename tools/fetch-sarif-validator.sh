#!/usr/bin/env bash
# Fetches the published SARIF 2.1.0 JSON schema and Microsoft's SARIF validator (the npm
# package @microsoft/sarif-multitool-linux 5.7.0) for the SARIF format tests.
#
# Usage: tools/fetch-sarif-validator.sh [DEST]
#   DEST defaults to build/deps/sarif-multitool-5.7.0 under the repository root. Does nothing
#   when DEST already holds the files. The tarball is checked against the sha512 the npm
#   registry publishes for it (pinned below) before anything is extracted. Prints DEST on
#   success; exits non-zero when the files cannot be obtained.
set -euo pipefail

VERSION=5.7.0
TARBALL_URL="https://registry.npmjs.org/@microsoft/sarif-multitool-linux/-/sarif-multitool-linux-$VERSION.tgz"
# npm view @microsoft/sarif-multitool-linux@5.7.0 dist.integrity
INTEGRITY="sha512-NxUbpq6ISCWoTQ/NfOYEwEDKq1Heka/rMoJ5R5LMydcAZQX/X7g5mWHcgxDub+0M07LC96tZ5LZHvF1Qy3gjTA=="
# What the validator needs: the schema, the self-contained executable and its runtime
# configuration.
MEMBERS=(package/sarif-2.1.0.json package/Sarif.Multitool package/Sarif.Multitool.dll.config)

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST=${1:-$ROOT/build/deps/sarif-multitool-$VERSION}

complete() {
    [ -s "$DEST/sarif-2.1.0.json" ] && [ -x "$DEST/Sarif.Multitool" ] && [ -f "$DEST/.integrity" ] &&
        [ "$(cat "$DEST/.integrity")" = "$INTEGRITY" ]
}

if complete; then
    echo "$DEST"
    exit 0
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sarif-validator.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
TGZ=$WORK/sarif-multitool-linux-$VERSION.tgz

echo "fetching $TARBALL_URL" >&2
if command -v curl >/dev/null; then
    curl -fsSL --retry 3 -o "$TGZ" "$TARBALL_URL" || rm -f "$TGZ"
elif command -v wget >/dev/null; then
    wget -q -O "$TGZ" "$TARBALL_URL" || rm -f "$TGZ"
fi
if [ ! -s "$TGZ" ] && command -v npm >/dev/null; then
    # npm names the tarball of a scoped package <scope>-<name>-<version>.tgz
    (cd "$WORK" && npm pack --silent "@microsoft/sarif-multitool-linux@$VERSION" >/dev/null &&
        mv -f "microsoft-sarif-multitool-linux-$VERSION.tgz" "$TGZ") || true
fi
if [ ! -s "$TGZ" ]; then
    echo "fetch-sarif-validator: cannot download $TARBALL_URL (curl, wget and npm failed)" >&2
    exit 1
fi

if command -v openssl >/dev/null; then
    actual="sha512-$(openssl dgst -sha512 -binary "$TGZ" | base64 -w0)"
else
    actual="sha512-$(python3 -c 'import base64, hashlib, sys
print(base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$TGZ")"
fi
if [ "$actual" != "$INTEGRITY" ]; then
    echo "fetch-sarif-validator: integrity mismatch for the $VERSION tarball" >&2
    echo "  expected $INTEGRITY" >&2
    echo "  got      $actual" >&2
    exit 1
fi

tar -xzf "$TGZ" -C "$WORK" "${MEMBERS[@]}"
mkdir -p "$DEST"
for m in "${MEMBERS[@]}"; do
    mv -f "$WORK/$m" "$DEST/"
done
chmod +x "$DEST/Sarif.Multitool"
printf '%s\n' "$INTEGRITY" >"$DEST/.integrity"
complete || {
    echo "fetch-sarif-validator: $DEST is incomplete after extraction" >&2
    exit 1
}
echo "$DEST"
