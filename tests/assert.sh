# Assertions the shell tests share (sourced): run a command, then check its exit status and
# what it printed. Needs $T (a scratch directory). Ends nothing itself: each script prints
# "N passed, N failed" from $pass and $fail.
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# run CMD...: sets $code, $out (stdout) and $err (stderr); both are also kept in $T/out and
# $T/err. A sanitizer report on stderr fails the test whatever the exit status.
run() {
    "$@" >"$T/out" 2>"$T/err"
    code=$?
    out=$(cat "$T/out")
    err=$(cat "$T/err")
    if grep -qE 'Sanitizer|runtime error' "$T/err"; then bad "$*: $(head -c 600 "$T/err")"; fi
}

# in_dir DIR CMD...: runs CMD in DIR (so that "run" keeps its results here)
in_dir() {
    local back=$PWD
    cd "$1" || return
    shift
    "$@"
    cd "$back" || exit 2
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
