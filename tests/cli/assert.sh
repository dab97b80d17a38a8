# Assertions the command-line tests share (sourced): run a command, then check its exit
# status and what it printed. Needs $T (a scratch directory).
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# run CMD...: sets $code, $out (stdout) and $err (stderr)
run() {
    "$@" >"$T/out" 2>"$T/err"
    code=$?
    out=$(cat "$T/out")
    err=$(cat "$T/err")
}

expect_code() { # expected, description
    if [ "$code" = "$1" ]; then ok; else bad "$2: exit $code, expected $1; stderr: $(head -c 300 "$T/err")"; fi
}
expect_in() { # haystack-name, needle, description
    local hay
    hay=$([ "$1" = out ] && echo "$out" || echo "$err")
    if grep -qF -- "$2" <<<"$hay"; then ok; else bad "$3: '$2' not in $1: $(head -c 300 <<<"$hay")"; fi
}
expect_not_in() {
    local hay
    hay=$([ "$1" = out ] && echo "$out" || echo "$err")
    if grep -qF -- "$2" <<<"$hay"; then bad "$3: '$2' unexpectedly in $1"; else ok; fi
}
