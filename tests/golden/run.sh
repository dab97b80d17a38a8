#!/usr/bin/env bash
# Golden tests: every report format of one fixed scan (tests/golden/input, with its
# .tenken.yaml giving owners and its tenken-waivers.yaml one waiver in force, one expired
# and one stale, judged --today 2026-06-01; with the rules
# in tests/golden/rules so rule texts elsewhere can change freely) compared byte for byte
# with tests/golden/expected. Reports are made with SOURCE_DATE_EPOCH set, so they hold no
# varying time. After a deliberate change to a format: tests/golden/run.sh TENKEN --update,
# then review the diff.
# Usage: tests/golden/run.sh path/to/tenken [--update]. Ends with "N passed, N failed".
set -u
TK=$(realpath "$1")
UPDATE=${2:-}
cd "$(dirname "$0")"
export SOURCE_DATE_EPOCH=1767225600 # 2026-01-01T00:00:00Z
export LANG=C LC_ALL=C
unset NO_COLOR
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
INPUTS=(input/tf input/app.yaml input/template.yaml)
COMMON=(--no-builtin-rules --rules rules --color never --show-not-evaluated --today 2026-06-01)

# name | options
CASES=(
    "report.en.txt|--lang en -f text -v"
    "report.ja.txt|--lang ja -f text"
    "report.json|-f json"
    "report.ja.sarif|--lang ja -f sarif"
    "report.en.sarif|--lang en -f sarif"
    "report.junit.xml|--lang en -f junit"
    "report.ja.csv|--lang ja -f csv"
    "report.en.md|--lang en -f markdown"
    "report.ja.md|--lang ja -f markdown"
    "report.html|-f html"
)
for c in "${CASES[@]}"; do
    name=${c%%|*}
    read -r -a opts <<<"${c#*|}"
    "$TK" scan "${COMMON[@]}" "${opts[@]}" "${INPUTS[@]}" >"$T/$name" 2>"$T/$name.err"
    code=$?
    if [ "$code" != 1 ]; then
        fail=$((fail + 1))
        echo "FAIL: $name: exit $code, expected 1: $(head -c 300 "$T/$name.err")" >&2
        continue
    fi
    if [ "$UPDATE" = --update ]; then
        cp "$T/$name" "expected/$name"
        echo "updated expected/$name"
    fi
    if cmp -s "$T/$name" "expected/$name"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name differs from expected/$name:" >&2
        diff -u "expected/$name" "$T/$name" | head -40 >&2
    fi
done
# The same report written to a file (FORMAT=FILE) has the same bytes as on stdout.
"$TK" scan "${COMMON[@]}" --lang en -f markdown -f json="$T/file.json" "${INPUTS[@]}" >/dev/null 2>&1
if cmp -s "$T/file.json" expected/report.json; then pass=$((pass + 1)); else
    fail=$((fail + 1))
    echo "FAIL: -f json=FILE differs from -f json on stdout" >&2
fi
echo "golden tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
