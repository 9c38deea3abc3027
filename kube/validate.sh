#!/usr/bin/env bash
# Checks kube/ without a cluster:
#  1. renders kube/base and every overlay with `kubectl kustomize` (required);
#  2. validates every rendered object with kube/tools/validate.mjs: Kubernetes schemas, Gateway
#     API schemas, the platform's own schemas of Envoy Gateway's objects (kube/tools/schemas/),
#     and the platform's workload and edge rules (when node and npm are installed; the npm
#     packages go into kube/.tools/, git-ignored, or into $KUBE_TOOLS_DIR);
#  3. checks the alerting rules with promtool and runs their unit tests (when promtool is
#     installed: Debian's package "prometheus").
# Exits non-zero on any failure. Usage: kube/validate.sh (from any directory).
set -euo pipefail

kube_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools_dir="${KUBE_TOOLS_DIR:-$kube_dir/.tools}"
# kubernetes-models 5 needs Node 22; 4.x runs on Node 14 and later.
models_version=4.5.1
yaml_version=2.9.1
# Gateway API models (Gateway API v1 kinds). Its package declares Node 22, but validate.mjs only
# imports its ES modules, which load and validate on Node 20 too: npm's engine warning is harmless.
gateway_api_version=2.0.0
# JSON-schema validator for the schemas of Envoy Gateway's objects.
ajv_version=8.17.1
# Prometheus Operator models (ServiceMonitor, PodMonitor, PrometheusRule, AlertmanagerConfig):
# ES modules like the Gateway API models, loaded the same way on Node 20.
prometheus_operator_version=6.0.0
# Argo CD and External Secrets models (Application, AppProject; ExternalSecret, SecretStore):
# ES modules, loaded the same way on Node 20 (their packages pull kubernetes-models 5 for themselves).
argo_cd_version=4.0.0
external_secrets_version=2.0.0

rendered="$(mktemp -d)"
trap 'rm -rf "$rendered"' EXIT

if ! command -v kubectl >/dev/null; then
  echo "FAIL kubectl not found: it renders the kustomizations" >&2
  exit 1
fi

echo "== render (kubectl kustomize)"
targets=(base)
for overlay in "$kube_dir"/overlays/*/; do
  targets+=("overlays/$(basename "$overlay")")
done
for target in "${targets[@]}"; do
  out="$rendered/${target//\//-}.yaml"
  if ! kubectl kustomize "$kube_dir/$target" >"$out"; then
    echo "FAIL kube/$target does not render" >&2
    exit 1
  fi
  echo "ok   kube/$target: $(grep -c '^kind:' "$out") objects"
done

echo "== schemas, workload and edge rules (kube/tools/validate.mjs)"
schema="passed"
if command -v node >/dev/null && command -v npm >/dev/null; then
  installed() { # prints the installed version of an npm package in the tools folder
    node -p "require('$tools_dir/node_modules/$1/package.json').version" 2>/dev/null || true
  }
  if [[ "$(installed kubernetes-models)" != "$models_version" || "$(installed yaml)" != "$yaml_version" ||
        "$(installed @kubernetes-models/gateway-api)" != "$gateway_api_version" ||
        "$(installed ajv)" != "$ajv_version" ||
        "$(installed @kubernetes-models/prometheus-operator)" != "$prometheus_operator_version" ||
        "$(installed @kubernetes-models/argo-cd)" != "$argo_cd_version" ||
        "$(installed @kubernetes-models/external-secrets)" != "$external_secrets_version" ]]; then
    echo "installing kubernetes-models@$models_version yaml@$yaml_version" \
      "@kubernetes-models/gateway-api@$gateway_api_version ajv@$ajv_version" \
      "@kubernetes-models/prometheus-operator@$prometheus_operator_version" \
      "@kubernetes-models/argo-cd@$argo_cd_version" \
      "@kubernetes-models/external-secrets@$external_secrets_version into $tools_dir"
    mkdir -p "$tools_dir"
    npm install --prefix "$tools_dir" --no-audit --no-fund --loglevel=error \
      "kubernetes-models@$models_version" "yaml@$yaml_version" \
      "@kubernetes-models/gateway-api@$gateway_api_version" "ajv@$ajv_version" \
      "@kubernetes-models/prometheus-operator@$prometheus_operator_version" \
      "@kubernetes-models/argo-cd@$argo_cd_version" \
      "@kubernetes-models/external-secrets@$external_secrets_version" >/dev/null
  fi
  KUBE_TOOLS_DIR="$tools_dir" node "$kube_dir/tools/validate.mjs" "$rendered"/*.yaml
else
  echo "SKIPPED: node or npm not found"
  schema="skipped"
fi

echo "== alerting rules (promtool)"
# The PrometheusRules of every rendering, written out as Prometheus rule files, then checked
# (promtool check rules) and run against their unit tests (kube/monitoring/rules/*.test.yaml,
# promtool test rules). promtool comes with Debian's package "prometheus".
rules="skipped"
if ! command -v promtool >/dev/null; then
  echo "SKIPPED: promtool not found (Debian/Ubuntu: apt-get install prometheus; or the promtool" \
    "binary of a Prometheus release on the PATH)"
elif [[ "$schema" != "passed" ]]; then
  echo "SKIPPED: promtool checks need node and the npm packages above (to extract the rules)"
else
  rules_dir="$rendered/rules"
  KUBE_TOOLS_DIR="$tools_dir" node "$kube_dir/tools/checks/monitoring.mjs" --rules-out "$rules_dir" \
    "$rendered"/*.yaml >/dev/null
  cp "$kube_dir"/monitoring/rules/*.test.yaml "$rules_dir"/
  if ! promtool check rules "$rules_dir"/*.rules.yaml; then
    echo "FAIL promtool check rules" >&2
    exit 1
  fi
  if ! promtool test rules "$rules_dir"/*.test.yaml; then
    echo "FAIL promtool test rules (kube/monitoring/rules/)" >&2
    exit 1
  fi
  rules="passed"
fi

echo "kube: ${#targets[@]} kustomizations rendered; schema, workload and edge checks $schema;" \
  "alerting rules $rules"
