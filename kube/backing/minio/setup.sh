#!/bin/sh
# Brings MinIO to the platform's state; safe to run again (kube/backing/minio/setup-job.yaml):
#  - one bucket per service that stores objects ($BUCKETS: "service:bucket ..."), versioned, with
#    the lifecycle rules of lifecycle.json;
#  - one MinIO user per such service (access key and secret key from its Secret
#    "<service>-storage"), allowed its own bucket only;
#  - when a second storage is named (Secret "minio-replication": REPLICATION_ENDPOINT,
#    REPLICATION_ACCESS_KEY, REPLICATION_SECRET_KEY, optional REPLICATION_BUCKET_PREFIX), continuous
#    bucket replication of every bucket to it: new objects, deletions and the objects already there.
#    REPLICATION_REQUIRED=true makes a missing target an error (staging, prod).
set -eu
export MC_CONFIG_DIR=/tmp/mc

until mc alias set local "$MINIO_URL" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null 2>&1 &&
  mc ready local >/dev/null 2>&1; do
  echo "waiting for MinIO at $MINIO_URL"
  sleep 5
done

replicate=false
if [ -n "${REPLICATION_ENDPOINT:-}" ]; then
  mc alias set replica "$REPLICATION_ENDPOINT" "$REPLICATION_ACCESS_KEY" "$REPLICATION_SECRET_KEY" >/dev/null
  replicate=true
elif [ "${REPLICATION_REQUIRED:-false}" = true ]; then
  echo "no replication target: the Secret minio-replication must name one (REPLICATION_ENDPOINT)" >&2
  exit 1
else
  echo "no replication target named: buckets are not replicated"
fi

for entry in $BUCKETS; do
  service="${entry%%:*}"
  bucket="${entry#*:}"
  mc mb --ignore-existing "local/$bucket"
  # Versioning: required by replication, and the lifecycle rules expire old versions.
  mc version enable "local/$bucket"
  mc ilm rule import "local/$bucket" </config/lifecycle.json

  # The service's own user, allowed its bucket only.
  upper="$(echo "$service" | tr 'a-z-' 'A-Z_')"
  access="$(printenv "${upper}_ACCESS_KEY")"
  secret="$(printenv "${upper}_SECRET_KEY")"
  cat >/tmp/policy.json <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"],
     "Resource": ["arn:aws:s3:::$bucket"]},
    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
     "Resource": ["arn:aws:s3:::$bucket/*"]}
  ]
}
POLICY
  mc admin policy create local "opencommerce-$service" /tmp/policy.json
  mc admin user add local "$access" "$secret"
  if ! mc admin policy entities local --user "$access" | grep -q "opencommerce-$service"; then
    mc admin policy attach local "opencommerce-$service" --user "$access"
  fi

  if [ "$replicate" = true ]; then
    target="${REPLICATION_BUCKET_PREFIX:-}$bucket"
    mc mb --ignore-existing "replica/$target"
    mc version enable "replica/$target"
    if mc replicate ls "local/$bucket" --json | grep -q "\"$target\""; then
      echo "local/$bucket already replicates to $target"
    else
      mc replicate add "local/$bucket" --remote-bucket "replica/$target" --priority 1 \
        --replicate "delete,delete-marker,existing-objects"
    fi
  fi
done
echo "MinIO set up: $BUCKETS"
