#!/usr/bin/env bash
# Mutual's load benchmark, in one command:
#
#   bench/run.sh                     # SQLite (a fresh file in a temp directory)
#   bench/run.sh postgres://USER@127.0.0.1:5432/postgres
#                                    # PostgreSQL: a fresh database on that server,
#                                    # dropped afterwards
#
# It builds the release binary (and the `bench` build, which adds a bare endpoint and a
# seeder), seeds a fresh database, starts the server on a free 127.0.0.1 port, signs in
# over HTTP as seeded people and drives every scenario with wrk. Each scenario runs in
# alternating pairs with the bare endpoint of the same process, and its ratio is the
# median of the pairs. Everything stays on 127.0.0.1 and every load is bounded in time.
#
# Knobs (environment): BENCH_SECONDS (per run, default 3), BENCH_PAIRS (default 3),
# BENCH_COUPLES (1000), BENCH_CHECKINS (100), BENCH_BIG_COUPLES (5),
# BENCH_BIG_CHECKINS (1000).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PG_SERVER="${1:-}"
SECS=${BENCH_SECONDS:-3}
PAIRS=${BENCH_PAIRS:-3}
COUPLES=${BENCH_COUPLES:-1000}
CHECKINS=${BENCH_CHECKINS:-100}
BIG=${BENCH_BIG_COUPLES:-5}
BIG_CHECKINS=${BENCH_BIG_CHECKINS:-1000}
LUA="$ROOT/bench/wrk/requests.lua"
CONNS=32

say() { echo "== $*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }

if ! command -v wrk >/dev/null; then
  say "installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi
command -v curl >/dev/null || die "curl is needed"

WORK=$(mktemp -d /tmp/mutual-bench.XXXXXX)
PID=""
DB_NAME=""
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  if [ -n "$DB_NAME" ]; then
    DATABASE_URL="$PG_SERVER" "$WORK/mutual" bench-drop-database "$DB_NAME" || true
  fi
  if [ "${BENCH_KEEP:-}" = 1 ]; then echo "bench: kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

if [ "${BENCH_SKIP_BUILD:-}" = 1 ]; then
  # Re-running: use the benchmark build already in target/release (its size is reported).
  say "using the existing target/release/mutual (BENCH_SKIP_BUILD=1)"
  BINARY_SIZE=$(stat -c %s target/release/mutual)
else
  say "building the release binary, then the benchmark build"
  cargo build --release --quiet
  BINARY_SIZE=$(stat -c %s target/release/mutual)
  cargo build --release --features bench --quiet
fi
# BENCH_BIN (with BENCH_SKIP_BUILD=1) names an already built benchmark binary.
cp "${BENCH_BIN:-target/release/mutual}" "$WORK/mutual"
BIN="$WORK/mutual"

if [ -n "$PG_SERVER" ]; then
  BACKEND=PostgreSQL
  # The URL is the command's last line (a slow CREATE DATABASE may log before it).
  DB_URL=$(DATABASE_URL="$PG_SERVER" "$BIN" bench-create-database | grep -E '^postgres(ql)?://' | tail -1)
  DB_NAME=${DB_URL##*/}
  DB_NAME=${DB_NAME%%\?*}
else
  BACKEND=SQLite
  DB_URL="sqlite:$WORK/bench.db"
fi

say "seeding $COUPLES couples x $CHECKINS check-ins and $BIG x $BIG_CHECKINS ($BACKEND)"
t=$(date +%s%N)
DATABASE_URL="$DB_URL" "$BIN" bench-seed --couples "$COUPLES" --checkins "$CHECKINS" \
  --big-couples "$BIG" --big-checkins "$BIG_CHECKINS" >"$WORK/manifest.tsv"
SEED_SECONDS=$(awk -v a="$t" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
PASSWORD=$(awk -F'\t' '$1 == "password" { print $2 }' "$WORK/manifest.tsv")

say "starting the server"
export DATABASE_URL="$DB_URL" MUTUAL_BIND=127.0.0.1 MUTUAL_PORT=0
# Every sign-in comes from 127.0.0.1 here; the per-address limit would stop the
# sign-in scenarios after 20 posts. The per-account limit stays as it is.
export MUTUAL_AUTH_POSTS_PER_10_MIN=1000000000
t0=$(date +%s%N)
"$BIN" serve >"$WORK/server.log" 2>&1 &
PID=$!
until grep -q 'running at' "$WORK/server.log" 2>/dev/null; do
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/server.log" >&2; die "the server did not start"; }
done
PORT=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/server.log" | head -1)
PORT=${PORT##*:}
URL="http://127.0.0.1:$PORT"
# The first response, over a plain socket (no process to start per try).
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
printf 'GET /__bench/bare HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
read -r STATUS_LINE <&3
exec 3<&-
FIRST_MS=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e6 }')
case "$STATUS_LINE" in *" 200"*) ;; *) die "bare endpoint answered: $STATUS_LINE" ;; esac

rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$PID/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
sleep 1
IDLE_START=$(rss_kib)

say "signing in over HTTP"
CSRF=$(printf 'c%.0s' $(seq 64))
# Prints the session token a sign-in sets (a pending one for two-factor accounts).
sign_in() {
  curl -s -o /dev/null -D - -b "mutual_csrf=$CSRF" \
    --data-urlencode "email=$1" --data-urlencode "password=$PASSWORD" \
    --data "csrf_token=$CSRF" "$URL/login" |
    sed -n 's/^[Ss]et-[Cc]ookie: mutual_session=\([^;]*\).*/\1/p'
}
page_csrf() {
  curl -s -b "mutual_session=$1" "$URL/" |
    grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'
}
ANSWERS="a_after-connected=4&a_after-pressure-free=5&a_after-mattered-equally=4&a_after-pace=4"
ANSWERS="$ANSWERS&a_after-how-it-began=3&a_after-feeling-now=1"
ANSWERS="$ANSWERS&a_after-enjoyable=taking+our+time&a_after-change=a+little+more+warmth"
: >"$WORK/home.req"; : >"$WORK/checkin.req"; : >"$WORK/answer.req"
: >"$WORK/summary100.req"; : >"$WORK/summary1000.req"
while IFS=$'\t' read -r kind email _ n open revealed; do
  [ "$kind" = couple ] || continue
  token=$(sign_in "$email")
  [ -n "$token" ] || die "could not sign in as $email"
  cookie="mutual_session=$token"
  if [ "$n" = "$CHECKINS" ]; then
    csrf=$(page_csrf "$token")
    printf 'GET\t/\t%s\t\n' "$cookie" >>"$WORK/home.req"
    printf 'GET\t/checkins/%s\t%s\t\n' "$revealed" "$cookie" >>"$WORK/checkin.req"
    printf 'POST\t/checkins/%s/answers\t%s\tcsrf_token=%s&%s\n' "$open" "$cookie" "$csrf" "$ANSWERS" >>"$WORK/answer.req"
    printf 'GET\t/summary\t%s\t\n' "$cookie" >>"$WORK/summary100.req"
  else
    printf 'GET\t/summary\t%s\t\n' "$cookie" >>"$WORK/summary1000.req"
  fi
done <"$WORK/manifest.tsv"
THERAPIST=$(awk -F'\t' '$1 == "therapist" { print $2 }' "$WORK/manifest.tsv")
token=$(sign_in "$THERAPIST")
code=$("$BIN" bench-totp)
status=$(curl -s -o /dev/null -w '%{http_code}' -b "mutual_session=$token; mutual_csrf=$CSRF" \
  --data "csrf_token=$CSRF&code=$code" "$URL/login/code")
[ "$status" = 303 ] || die "therapist's second factor answered $status"
printf 'GET\t/therapist\tmutual_session=%s\t\n' "$token" >"$WORK/therapist.req"
printf 'GET\t/__bench/bare\t\t\n' >"$WORK/bare.req"
# Sign-in: the right password for accounts nobody is signed in as. Flood: wrong ones.
: >"$WORK/signin.req"; : >"$WORK/flood.req"
for i in $(seq 100 $((COUPLES - 1))); do
  printf 'POST\t/login\tmutual_csrf=%s\temail=a%s%%40bench.mutual.invalid&password=%s&csrf_token=%s\n' \
    "$CSRF" "$i" "${PASSWORD// /+}" "$CSRF" >>"$WORK/signin.req"
  printf 'POST\t/login\tmutual_csrf=%s\temail=b%s%%40bench.mutual.invalid&password=not+the+password&csrf_token=%s\n' \
    "$CSRF" "$i" "$CSRF" >>"$WORK/flood.req"
done
IDLE_SIGNED_IN=$(rss_kib)

# Each scenario answers as it should before it is timed.
expect() { # FILE STATUS
  local method path cookie body got
  IFS=$'\t' read -r method path cookie body <"$1"
  if [ "$method" = POST ]; then
    got=$(curl -s -o /dev/null -w '%{http_code}' -b "$cookie" --data "$body" "$URL$path")
  else
    got=$(curl -s -o /dev/null -w '%{http_code}' -b "$cookie" "$URL$path")
  fi
  [ "$got" = "$2" ] || die "$(basename "$1" .req): expected $2, got $got"
}
expect "$WORK/bare.req" 200
expect "$WORK/home.req" 200
expect "$WORK/checkin.req" 200
expect "$WORK/answer.req" 303
expect "$WORK/summary100.req" 200
expect "$WORK/summary1000.req" 200
expect "$WORK/therapist.req" 200
expect "$WORK/signin.req" 303
expect "$WORK/flood.req" 422
grep -q 'Dr Bench\|Alex' <(curl -s -b "$(cut -f3 "$WORK/therapist.req")" "$URL/therapist") ||
  die "the therapist dashboard lists no couples"

PEAK_LOAD=0
# run_wrk CONNS FILE [SECONDS]: writes "requests duration_us p50_us p99_us socket_errors
# bad_status" to $WORK/result and the peak RSS seen meanwhile to $WORK/peak.
run_wrk() {
  local conns=$1 file=$2 secs=${3:-$SECS} peak=0 r
  wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s -s "$LUA" "$URL" -- "$file" >"$WORK/wrk.out" 2>&1 &
  local w=$!
  while kill -0 "$w" 2>/dev/null; do
    r=$(rss_kib); [ "$r" -gt "$peak" ] && peak=$r
    sleep 0.2
  done
  wait "$w" || die "wrk failed: $(cat "$WORK/wrk.out")"
  grep '^RESULT' "$WORK/wrk.out" | cut -d' ' -f2- >"$WORK/result"
  echo "$peak" >"$WORK/peak"
}
rps() { awk '{ printf "%.0f", $1 / ($2 / 1e6) }' "$WORK/result"; }

# scenario NAME CONNS FILE: alternating bare/scenario pairs; appends the median pair to
# $WORK/table as "name conns rps p50 p99 ratio errors".
scenario() {
  local name=$1 conns=$2 file=$3 p bare page
  : >"$WORK/pairs"
  for p in $(seq "$PAIRS"); do
    run_wrk "$CONNS" "$WORK/bare.req"; bare=$(rps)
    echo "$(rps) $(cat "$WORK/result")" >>"$WORK/bare.runs"
    run_wrk "$conns" "$file"; page=$(rps)
    [ "$name" = sign-in ] || { [ "$(cat "$WORK/peak")" -gt "$PEAK_LOAD" ] && PEAK_LOAD=$(cat "$WORK/peak"); }
    read -r _ _ p50 p99 errs bad <"$WORK/result"
    awk -v b="$bare" -v s="$page" -v p50="$p50" -v p99="$p99" -v e="$errs" -v x="$bad" \
      'BEGIN { printf "%.4f %s %s %s %d\n", s / b, s, p50, p99, e + x }' >>"$WORK/pairs"
  done
  local errors
  errors=$(awk '{ e += $5 } END { print e }' "$WORK/pairs")
  sort -n "$WORK/pairs" | awk -v n="$PAIRS" -v name="$name" -v c="$conns" -v e="$errors" \
    'NR == int((n + 1) / 2) { print name, c, $2, $3, $4, $1, e }' >>"$WORK/table"
  say "$name: $(tail -1 "$WORK/table")"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "measuring ($PAIRS pairs of ${SECS}s runs per scenario)"
: >"$WORK/table"; : >"$WORK/bare.runs"
run_wrk "$CONNS" "$WORK/bare.req" 1   # warm-up, not counted
scenario home "$CONNS" "$WORK/home.req"
scenario check-in-page "$CONNS" "$WORK/checkin.req"
scenario answer-submit 64 "$WORK/answer.req"
scenario summary-100 "$CONNS" "$WORK/summary100.req"
scenario summary-1000 "$CONNS" "$WORK/summary1000.req"
scenario therapist-dashboard "$CONNS" "$WORK/therapist.req"
scenario sign-in "$CONNS" "$WORK/signin.req"

say "sign-in flood (64 connections, wrong passwords) with pages alongside"
wrk -t1 -c64 -d"$((SECS + 2))s" --timeout 10s -s "$LUA" "$URL" -- "$WORK/flood.req" >"$WORK/flood.out" 2>&1 &
FLOOD=$!
sleep 1
run_wrk "$CONNS" "$WORK/home.req"
FLOOD_PAGE_RPS=$(rps)
PEAK_FLOOD=$(cat "$WORK/peak")
while kill -0 "$FLOOD" 2>/dev/null; do
  r=$(rss_kib); [ "$r" -gt "$PEAK_FLOOD" ] && PEAK_FLOOD=$r
  sleep 0.2
done
wait "$FLOOD"
read -r FLOOD_REQS FLOOD_DUR FLOOD_P50 FLOOD_P99 FLOOD_SOCK FLOOD_BAD < <(grep '^RESULT' "$WORK/flood.out" | cut -d' ' -f2-)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
IDLE_END=$(rss_kib)

# ---- the report -------------------------------------------------------------------
BARE_MEDIAN=$(sort -n "$WORK/bare.runs" | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }')
HOME_RPS=$(awk '$1 == "home" { print $3 }' "$WORK/table")
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
echo
echo "Mutual load benchmark: $BACKEND, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores ($CPU), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load average before $LOAD_BEFORE, after $LOAD_AFTER"
echo "data: $COUPLES couples x $CHECKINS check-ins + $BIG x $BIG_CHECKINS, seeded in ${SEED_SECONDS}s; wrk ${SECS}s runs, median of $PAIRS bare/page pairs"
echo
printf '%-20s %5s %9s %9s %9s %8s %7s\n' scenario conns 'req/s' 'p50 ms' 'p99 ms' '/bare' errors
echo "$BARE_MEDIAN" | awk '{ printf "%-20s %5s %9s %9.2f %9.2f %8s %7d\n", "bare endpoint", 32, $1, $4 / 1000, $5 / 1000, "1", $6 + $7 }'
awk '{ printf "%-20s %5s %9s %9.2f %9.2f %8.4f %7d\n", $1, $2, $3, $4 / 1000, $5 / 1000, $6, $7 }' "$WORK/table"
echo
echo "idle RSS at start:            $(mib "$IDLE_START") MiB"
echo "idle RSS after sign-ins:      $(mib "$IDLE_SIGNED_IN") MiB (holds one argon2 buffer per hashing permit)"
echo "peak RSS under page/write load: $(mib "$PEAK_LOAD") MiB"
echo "peak RSS in sign-in flood:    $(mib "$PEAK_FLOOD") MiB"
echo "idle RSS at the end:          $(mib "$IDLE_END") MiB"
awk -v r="$FLOOD_REQS" -v d="$FLOOD_DUR" -v p50="$FLOOD_P50" -v p99="$FLOOD_P99" -v e="$FLOOD_SOCK" \
  'BEGIN { printf "flood: %.0f wrong sign-ins/s, p50 %.0f ms, p99 %.0f ms, %d socket errors\n", r / (d / 1e6), p50 / 1000, p99 / 1000, e }'
awk -v f="$FLOOD_PAGE_RPS" -v h="$HOME_RPS" \
  'BEGIN { printf "home during flood:            %d req/s = %.0f%% of its rate without\n", f, 100 * f / h }'
echo "start to first response:      $FIRST_MS ms"
echo "release binary:               $BINARY_SIZE bytes = $(awk -v b="$BINARY_SIZE" 'BEGIN { printf "%.2f MB", b / 1e6 }') (stripped by the release profile; the bench build: $(stat -c %s "$BIN") bytes)"

# ---- targets ------------------------------------------------------------------------
verdict() { if awk "BEGIN { exit !($2) }"; then echo "met     $1"; else echo "MISSED  $1"; fi; }
ratio_of() { awk -v n="$1" '$1 == n { print $6 }' "$WORK/table"; }
col() { awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$WORK/table"; }
echo
HOME_TARGET=0.10; [ "$BACKEND" = PostgreSQL ] && HOME_TARGET=0.06
verdict "home >= $HOME_TARGET of bare ($(ratio_of home))" "$(ratio_of home) >= $HOME_TARGET"
verdict "summary of 1,000 check-ins <= 1.3x the time of 100 ($(awk -v a="$(col summary-100 3)" -v b="$(col summary-1000 3)" 'BEGIN { printf "%.2fx", a / b }'))" \
  "$(col summary-100 3) / $(col summary-1000 3) <= 1.3"
if [ "$BACKEND" = SQLite ]; then
  verdict "answer submit >= 0.035 of bare at 64 connections, no errors ($(ratio_of answer-submit), $(col answer-submit 7) errors)" \
    "$(ratio_of answer-submit) >= 0.035 && $(col answer-submit 7) == 0"
else # The issue sets the submit ratio for SQLite only; errors count everywhere.
  verdict "answer submit without errors at 64 connections ($(col answer-submit 7) errors; $(ratio_of answer-submit) of bare)" \
    "$(col answer-submit 7) == 0"
fi
verdict "pages keep >= 60% during the sign-in flood" "$FLOOD_PAGE_RPS >= 0.6 * $HOME_RPS"
verdict "RSS <= 100 MiB during the flood" "$PEAK_FLOOD <= 100 * 1024"
verdict "idle RSS <= 16 MiB (at start)" "$IDLE_START <= 16 * 1024"
verdict "RSS <= 64 MiB under page and write load" "$PEAK_LOAD <= 64 * 1024"
verdict "release binary <= 12 MB" "$BINARY_SIZE <= 12000000"
for n in home check-in-page summary-100 summary-1000 therapist-dashboard; do
  verdict "$n p99 within 3x its p50" "$(col "$n" 5) <= 3 * $(col "$n" 4)"
done
if grep -qi 'database is locked' "$WORK/server.log"; then echo "MISSED  no 'database is locked' in the log"; else echo "met     no 'database is locked' in the log"; fi
