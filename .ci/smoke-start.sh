#!/usr/bin/env bash
# `pnpm start` with no configuration at all must serve the SPA and answer /readyz (embedded
# PostgreSQL under a throwaway DATA_DIR), then stop cleanly, database included, on SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${SMOKE_PORT:-3123}
data=$(mktemp -d)
chmod 755 "$data" # as root, PostgreSQL runs as the postgres user, who must reach this folder
log="$data/start.log"

started=$(date +%s)
setsid env -u DATABASE_URL PORT="$port" DATA_DIR="$data" pnpm start >"$log" 2>&1 &
group=$!

fail() {
  echo "smoke-start: $*" >&2
  tail -n 40 "$log" >&2 || true
  kill -KILL -- "-$group" 2>/dev/null || true
  exit 1
}

until curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
  (( $(date +%s) - started < 90 )) || fail "/readyz did not answer 200 within 90 s"
  kill -0 "$group" 2>/dev/null || fail "pnpm start exited early"
  sleep 0.5
done
echo "smoke-start: /readyz answered 200 $(( $(date +%s) - started )) s after pnpm start"

curl -fsS "http://127.0.0.1:$port/" | grep -q '<div id="root">' || fail "the built SPA is not served at /"
curl -fsS "http://127.0.0.1:$port/api/trpc/health.check" | grep -q '"database":"up"' || fail "health.check failed"

kill -TERM -- "-$group"
for _ in $(seq 1 30); do
  kill -0 -- "-$group" 2>/dev/null || break
  sleep 0.5
done
kill -0 -- "-$group" 2>/dev/null && fail "still running 15 s after SIGTERM"
[ -e "$data/postgres/postmaster.pid" ] && fail "the embedded PostgreSQL was left running"
grep -q 'shut down cleanly' "$log" || fail "no clean shutdown in the log"
echo "smoke-start: stopped cleanly"
rm -rf "$data"
