#!/usr/bin/env bash
# Restore drill, without a cluster: for each service database given (default: auth orders), on the
# local MariaDB (the all-in-one platform's, liberty-config/local/platform):
#   1. dump it as the backup CronJobs do (mariadb-dump --single-transaction: one consistent
#      snapshot, no locks held against the running services), and gzip it as they store it;
#   2. restore the dump into a fresh database <db>_restore_drill;
#   3. compare the two: the same tables, views, routines and triggers, and per table the exact row
#      count (SELECT COUNT(*)) and CHECKSUM TABLE;
#   4. print the timings (dump, restore, verification) and the sizes (database, dump, gzipped);
#   5. drop <db>_restore_drill and delete the dump, whatever happened (nothing is left behind).
# The source's counts and checksums are taken before the dump and again after the comparison: if
# they moved, services were writing during the drill and the comparison proves nothing.
#
# Exit status: 0 all equal; 1 a mismatch or a failed step; 2 usage; 3 inconclusive (the source
# changed during the drill: run it again when the platform is idle).
#
# Usage: kube/tools/restore-drill.sh [DATABASE...]
# Environment: MARIADB_HOST (127.0.0.1), MARIADB_PORT (3306), MARIADB_ADMIN_USER (root),
# MARIADB_ADMIN_PASSWORD (empty), the same administrator liberty-config/local/platform uses.
set -euo pipefail

readonly HOST=${MARIADB_HOST:-127.0.0.1}
readonly PORT=${MARIADB_PORT:-3306}
readonly ADMIN=${MARIADB_ADMIN_USER:-root}
export MYSQL_PWD=${MARIADB_ADMIN_PASSWORD:-}
# Recovery time objectives, in seconds, of the databases that have one (kube/README.md).
declare -A OBJECTIVE=([auth]=900 [orders]=900)

client=$(command -v mariadb || command -v mysql || true)
dumper=$(command -v mariadb-dump || command -v mysqldump || true)
if [[ -z $client || -z $dumper ]]; then
  echo "restore-drill: the mariadb client and mariadb-dump are needed (apt-get install -y mariadb-client)" >&2
  exit 1
fi

sql() { # sql [DATABASE] -e STATEMENT...: tab-separated rows, no header
  "$client" --connect-timeout=5 -h"$HOST" -P"$PORT" -u"$ADMIN" --batch --skip-column-names "$@"
}
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
bytes() { numfmt --to=iec-i --suffix=B "$1" 2>/dev/null || printf '%sB' "$1"; }

# fingerprint DATABASE: one line per object: kinds and names of tables, views, routines, triggers,
# events, then per base table its exact row count and CHECKSUM TABLE, sorted.
fingerprint() {
  local db=$1 table tables=() list="" count
  sql -e "SELECT CONCAT(table_type, ' ', table_name) FROM information_schema.tables WHERE table_schema = '$db'
          UNION ALL SELECT CONCAT(routine_type, ' ', routine_name) FROM information_schema.routines WHERE routine_schema = '$db'
          UNION ALL SELECT CONCAT('TRIGGER ', trigger_name) FROM information_schema.triggers WHERE trigger_schema = '$db'
          UNION ALL SELECT CONCAT('EVENT ', event_name) FROM information_schema.events WHERE event_schema = '$db'" | sort
  mapfile -t tables < <(sql -e "SELECT table_name FROM information_schema.tables
                                WHERE table_schema = '$db' AND table_type = 'BASE TABLE' ORDER BY table_name")
  for table in "${tables[@]}"; do
    count=$(sql -e "SELECT COUNT(*) FROM \`$db\`.\`$table\`")
    printf 'ROWS %s %s\n' "$table" "$count"
    list+="${list:+, }\`$db\`.\`$table\`"
  done
  if [[ -n $list ]]; then
    # "db.table<TAB>checksum": keep the table's name only, so the two databases compare.
    sql -e "CHECKSUM TABLE $list EXTENDED" | awk -F'\t' '{ sub(/^[^.]*\./, "", $1); print "CHECKSUM " $1 " " $2 }'
  fi
}

work=$(mktemp -d)
drill_dbs=()
cleanup() {
  local db
  for db in "${drill_dbs[@]}"; do
    sql -e "DROP DATABASE IF EXISTS \`$db\`" || echo "restore-drill: could not drop $db: drop it by hand" >&2
  done
  rm -rf "$work"
}
trap cleanup EXIT

databases=("$@")
((${#databases[@]})) || databases=(auth orders)
status=0
results=()

for db in "${databases[@]}"; do
  if [[ ! $db =~ ^[a-z][a-z0-9_]*$ ]]; then
    echo "restore-drill: '$db' is not a database name" >&2
    exit 2
  fi
  if [[ -z $(sql -e "SELECT schema_name FROM information_schema.schemata WHERE schema_name = '$db'") ]]; then
    echo "restore-drill: no database '$db' on $HOST:$PORT (liberty-config/local/platform creates them)" >&2
    exit 1
  fi
  drill="${db}_restore_drill"
  drill_dbs+=("$drill")
  echo "== $db -> $drill"
  sql -e "DROP DATABASE IF EXISTS \`$drill\`" # a previous drill that was killed

  fingerprint "$db" >"$work/$db.before"
  size=$(sql -e "SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.tables WHERE table_schema = '$db'")
  tables=$(grep -c '^ROWS ' "$work/$db.before" || true)
  rows=$(awk '$1 == "ROWS" { n += $3 } END { print n + 0 }' "$work/$db.before")

  t0=$(now)
  "$dumper" -h"$HOST" -P"$PORT" -u"$ADMIN" --single-transaction --quick --routines --triggers --events \
    --hex-blob --no-tablespaces "$db" >"$work/$db.sql"
  t1=$(now)
  gzip -c "$work/$db.sql" >"$work/$db.sql.gz"
  t2=$(now)
  sql -e "CREATE DATABASE \`$drill\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  sql "$drill" <"$work/$db.sql"
  t3=$(now)
  fingerprint "$drill" >"$work/$db.restored"
  fingerprint "$db" >"$work/$db.after"
  t4=$(now)

  dump_s=$(seconds "$t0" "$t1") gzip_s=$(seconds "$t1" "$t2") restore_s=$(seconds "$t2" "$t3")
  verify_s=$(seconds "$t3" "$t4") total_s=$(seconds "$t0" "$t4")
  printf '   %-22s %s, %s tables, %s rows\n' "database" "$(bytes "$size")" "$tables" "$rows"
  printf '   %-22s %ss, %s (gzipped %s in %ss)\n' "dump" "$dump_s" "$(bytes "$(stat -c %s "$work/$db.sql")")" \
    "$(bytes "$(stat -c %s "$work/$db.sql.gz")")" "$gzip_s"
  printf '   %-22s %ss\n' "restore" "$restore_s" "verification" "$verify_s" "dump to verified" "$total_s"

  if ! cmp -s "$work/$db.before" "$work/$db.after"; then
    echo "   INCONCLUSIVE: $db changed during the drill (the services are writing); run it again when idle:"
    diff "$work/$db.before" "$work/$db.after" | sed -n '2,11s/^/     /p'
    ((status == 1)) || status=3
    verdict=inconclusive
  elif ! diff "$work/$db.before" "$work/$db.restored" >"$work/$db.diff"; then
    echo "   MISMATCH between $db (<) and $drill (>):"
    sed -n '1,20s/^/     /p' "$work/$db.diff"
    status=1
    verdict=MISMATCH
  else
    echo "   equal: $tables tables, their row counts and CHECKSUM TABLE; views, routines, triggers, events"
    verdict=equal
  fi
  objective=${OBJECTIVE[$db]:-}
  if [[ -n $objective ]]; then
    within=$(awk -v t="$total_s" -v o="$objective" 'BEGIN { print (t < o) ? "within" : "OVER" }')
    printf '   %-22s %s min: %s\n' "recovery objective" "$((objective / 60))" "$within"
    [[ $within == within ]] || status=1
  fi
  results+=("$(printf '%-12s %-12s %9s %8s %9s %8s %9s' "$db" "$verdict" "$(bytes "$size")" "$dump_s" "$restore_s" "$verify_s" "$total_s")")

  sql -e "DROP DATABASE \`$drill\`"
  rm -f "$work/$db".*
done

echo "== summary (seconds)"
printf '%-12s %-12s %9s %8s %9s %8s %9s\n' database result size dump restore verify total
printf '%s\n' "${results[@]}"
exit "$status"
