#!/bin/bash
# Restores $DB_NAME from s3://$BACKUP_BUCKET/$BACKUP_OBJECT (or, with BACKUP_OBJECT=latest, the
# newest object under $DB_NAME/): downloads and gunzips it into /work/dump.sql. The restore
# container then loads it into the database.
set -euo pipefail
s3() { aws --endpoint-url "$BACKUP_S3_ENDPOINT" --only-show-errors s3 "$@"; }
object="$BACKUP_OBJECT"
if [[ $object == latest ]]; then
  object="$DB_NAME/$(s3 ls "s3://$BACKUP_BUCKET/$DB_NAME/" | awk '{ print $4 }' | grep '\.sql\.gz$' | sort | tail -n 1)"
fi
[[ $object == "$DB_NAME/"*.sql.gz ]] || { echo "no backup of $DB_NAME found ($object)" >&2; exit 1; }
echo "restoring $DB_NAME from s3://$BACKUP_BUCKET/$object"
s3 cp "s3://$BACKUP_BUCKET/$object" - | gunzip >/work/dump.sql
tail -n 1 /work/dump.sql | grep -q '^-- Dump completed' || { echo "s3://$BACKUP_BUCKET/$object is not a complete dump" >&2; exit 1; }
