#!/usr/bin/env bash
# The browser suite: starts the release binary on a fresh SQLite database and a free
# local port, runs the journeys in Debian's Chromium, and stops the app.
#
#   tests/e2e/run.sh            (from the repository root, or anywhere)
#   tests/e2e/run.sh --test-name-pattern=keyboard   (one journey)
#   MUTUAL_E2E_LANG=de tests/e2e/run.sh              (the same journeys in German)
#
# MUTUAL_E2E_LANG (en by default) is the browser's language, and so the language people
# sign up with; the journeys find the words through locales/<lang>/*.ftl, and every page
# must then be in that language (see catalogues.mjs). Screenshots go to screenshots/<lang>/.
#
# Needs: /usr/bin/chromium (apt-get install chromium), node + npm. Builds
# target/release/mutual if it is missing; MUTUAL_BIN=path uses another binary.
set -euo pipefail
lang="${MUTUAL_E2E_LANG:-en}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

bin="${MUTUAL_BIN:-$root/target/release/mutual}"
if [[ -z "${MUTUAL_BIN:-}" ]]; then
  # Cargo rebuilds only what changed; a no-op when the binary is current.
  (cd "$root" && cargo build --release --locked --quiet)
fi
[[ -d "$here/node_modules/playwright-core" ]] || (cd "$here" && npm ci --no-audit --no-fund)

work="$(mktemp -d)"
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A free port: ask the kernel for one, then hand it to the app.
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
url="http://127.0.0.1:$port"

# The app gets the settings below and none of the developer's own MUTUAL_* ones (a data
# key, invite-only registration). The journeys sign in often from one address: lift the
# sign-in rate limit for this run.
not_mine=()
for name in $(compgen -e); do
  if [[ $name == MUTUAL_* ]]; then not_mine+=(-u "$name"); fi
done
env "${not_mine[@]}" DATABASE_URL="sqlite:$work/e2e.db" MUTUAL_BIND=127.0.0.1 MUTUAL_PORT="$port" \
  MUTUAL_AUTH_POSTS_PER_10_MIN=10000 RUST_LOG="${RUST_LOG:-warn}" \
  "$bin" serve >"$work/app.log" 2>&1 &
app_pid=$!

healthy() { node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$url/healthz"; }

# Ready when /healthz answers (at most ~30 s; the app migrates a fresh database first).
for _ in $(seq 1 150); do
  if healthy; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/app.log"; echo "the app did not start" >&2; exit 1; fi
  sleep 0.2
done
healthy || { cat "$work/app.log"; echo "the app never became healthy" >&2; exit 1; }

rm -rf "$here/screenshots/$lang"
status=0
echo "== journeys in language: $lang"
(cd "$here" && MUTUAL_URL="$url" MUTUAL_E2E_LANG="$lang" node --test --test-concurrency=1 --test-reporter=spec "$@" journeys.test.mjs) || status=$?
if [[ $status -ne 0 ]]; then echo "== app log"; tail -n 50 "$work/app.log"; fi
exit $status
