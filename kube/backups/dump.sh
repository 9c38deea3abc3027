#!/bin/bash
# Writes a consistent dump of $DB_NAME into the pipe /stream/dump (read by the upload container),
# then its exit status into /stream/dump.status. --single-transaction: one snapshot of every InnoDB
# table, without locks against the running service; the service's own user (MYSQL_PWD).
set -uo pipefail
mysqldump --host="$DB_HOST" --user="$DB_USER" --single-transaction --quick --routines --triggers \
  --events --hex-blob --no-tablespaces --set-gtid-purged=OFF "$DB_NAME" >/stream/dump
status=$?
echo "$status" >/stream/dump.status
exit "$status"
