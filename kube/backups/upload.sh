#!/bin/bash
# Streams the dump from the pipe /stream/dump, gzipped, to
# s3://$BACKUP_BUCKET/$DB_NAME/$DB_NAME-<UTC time>.sql.gz, then waits for the dump's exit status:
# an upload whose dump failed is removed again, so every object in the bucket is a complete dump.
set -euo pipefail
key="$DB_NAME/$DB_NAME-$(date -u +%Y%m%dT%H%M%SZ).sql.gz"
s3() { aws --endpoint-url "$BACKUP_S3_ENDPOINT" --only-show-errors s3 "$@"; }
gzip -c </stream/dump | s3 cp - "s3://$BACKUP_BUCKET/$key"
for _ in $(seq 1 60); do
  [[ -s /stream/dump.status ]] && break
  sleep 1
done
if [[ "$(cat /stream/dump.status 2>/dev/null)" != 0 ]]; then
  s3 rm "s3://$BACKUP_BUCKET/$key" || true
  echo "backup of $DB_NAME failed: the dump did not complete; nothing kept" >&2
  exit 1
fi
echo "backup of $DB_NAME: s3://$BACKUP_BUCKET/$key"
