#!/usr/bin/env bash
# Point-in-time recovery drill on a scratch PostgreSQL cluster: base backup + WAL archive, write X,
# note a time T, write Y, recover a copy of the base backup to T, and check that X is there and Y is not.
# Uses the machine's PostgreSQL server binaries (PG_BIN, else the newest /usr/lib/postgresql/*/bin);
# skips when there are none. Touches nothing outside its own temporary folder.
set -euo pipefail

pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)}
for tool in initdb pg_ctl pg_basebackup psql; do
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/$tool" ]; then
    echo "PITR drill skipped: no PostgreSQL server binaries found (looked for $tool in ${pg_bin:-/usr/lib/postgresql/*/bin}; set PG_BIN)"
    exit 0
  fi
done

# PostgreSQL refuses to run as root: then every server command runs as the postgres user.
as_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "PITR drill skipped: running as root and there is no postgres user to run the server as"
    exit 0
  fi
  as_pg() { runuser -u postgres -- "$@"; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/taskapp-pitr.XXXXXX")
chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown postgres: "$work"
port=5432 # the servers listen only on a Unix socket inside $work, so any port number is free

cleanup() {
  for cluster in primary restored; do
    if [ -f "$work/$cluster/postmaster.pid" ]; then
      as_pg "$pg_bin/pg_ctl" -D "$work/$cluster" -m immediate -w stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

sql() { as_pg "$pg_bin/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$work" -p "$port" -U postgres -d postgres -c "$1"; }
start() {
  as_pg "$pg_bin/pg_ctl" -D "$work/$1" -l "$work/$1.log" -w -t 60 start >/dev/null ||
    { echo "PITR drill FAILED: the $1 server did not start"; cat "$work/$1.log"; exit 1; }
}
fail() {
  echo "PITR drill FAILED: $*"
  for log in "$work"/*.log; do echo "--- $log"; tail -n 20 "$log"; done
  exit 1
}

echo "PITR drill with $("$pg_bin/postgres" --version) in $work"
as_pg mkdir -p "$work/archive"
as_pg "$pg_bin/initdb" -D "$work/primary" -U postgres --auth=trust --encoding=UTF8 >/dev/null
cat <<CONF | as_pg tee -a "$work/primary/postgresql.conf" >/dev/null
listen_addresses = ''
unix_socket_directories = '$work'
port = $port
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $work/archive/%f && cp %p $work/archive/%f'
CONF
start primary

sql "CREATE TABLE drill (label text PRIMARY KEY, written_at timestamptz NOT NULL DEFAULT clock_timestamp())"
as_pg "$pg_bin/pg_basebackup" -h "$work" -p "$port" -U postgres -D "$work/base" -X stream --checkpoint=fast
echo "  base backup taken"

sql "INSERT INTO drill (label) VALUES ('X')"
sql "SELECT pg_switch_wal()" >/dev/null
sleep 1
target=$(sql "SELECT now()")
sleep 1
sql "INSERT INTO drill (label) VALUES ('Y')"
last_segment=$(sql "SELECT pg_walfile_name(pg_switch_wal())")
echo "  wrote X, noted T = $target, wrote Y"

for _ in $(seq 1 100); do
  [ -f "$work/archive/$last_segment" ] && break
  sleep 0.2
done
[ -f "$work/archive/$last_segment" ] || fail "WAL segment $last_segment was not archived"
as_pg "$pg_bin/pg_ctl" -D "$work/primary" -m fast -w stop >/dev/null
echo "  WAL archived up to $last_segment; primary stopped"

as_pg cp -a "$work/base" "$work/restored"
as_pg touch "$work/restored/recovery.signal"
cat <<CONF | as_pg tee -a "$work/restored/postgresql.conf" >/dev/null
archive_mode = off
restore_command = 'cp $work/archive/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
CONF
start restored

for _ in $(seq 1 150); do
  [ "$(sql "SELECT pg_is_in_recovery()")" = "f" ] && break
  sleep 0.2
done
[ "$(sql "SELECT pg_is_in_recovery()")" = "f" ] || fail "the restored server did not finish recovery"

labels=$(sql "SELECT string_agg(label, ',' ORDER BY label) FROM drill")
[ "$labels" = "X" ] || fail "expected only X after recovering to $target, found '${labels}'"
echo "PITR drill PASSED: recovered to $target; X (written before) is present, Y (written after) is absent"
