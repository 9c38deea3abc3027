// Offline checks of rendered Kubernetes manifests (the output of `kubectl kustomize`):
//  1. schema: each object against the Kubernetes schema of its apiVersion and kind
//     (npm package kubernetes-models@4: types, required fields, enums; it does not report
//     unknown fields, so rule 2 also catches misspelt hardening fields);
//  2. platform rules for workloads, which no schema expresses: non-root, RuntimeDefault
//     seccomp, read-only root filesystem, no privilege escalation, all capabilities dropped,
//     CPU and memory requests, a memory limit, liveness and readiness probes.
//
// Usage: node validate.mjs FILE...  (multi-document YAML). Run by kube/validate.sh, which
// installs the npm packages into KUBE_TOOLS_DIR; without it they resolve as usual.
// Exit status 1 when any object fails.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";

const require = process.env.KUBE_TOOLS_DIR
  ? createRequire(join(process.env.KUBE_TOOLS_DIR, "index.js"))
  : createRequire(import.meta.url);
const { parseAllDocuments } = require("yaml");

// The model class of an object: "v1" -> kubernetes-models/v1, "apps/v1" -> kubernetes-models/apps/v1.
function modelOf(apiVersion, kind) {
  try {
    return require(`kubernetes-models/${apiVersion}`)[kind];
  } catch {
    return undefined;
  }
}

function schemaProblems(obj) {
  const Model = modelOf(obj.apiVersion, obj.kind);
  if (!Model) return [`no Kubernetes schema for ${obj.apiVersion} ${obj.kind}`];
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    return (e.errors ?? [e]).map((err) =>
      err.instancePath !== undefined ? `${err.instancePath || "/"} ${err.message}` : String(err.message),
    );
  }
}

// Pod template of a workload, or undefined for other kinds.
function podSpecOf(obj) {
  switch (obj.kind) {
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
    case "ReplicaSet":
    case "Job":
      return obj.spec?.template?.spec;
    case "CronJob":
      return obj.spec?.jobTemplate?.spec?.template?.spec;
    default:
      return undefined;
  }
}

function ruleProblems(obj) {
  const pod = podSpecOf(obj);
  if (!pod) return [];
  const longRunning = !["Job", "CronJob"].includes(obj.kind);
  const problems = [];
  const containers = [
    ...(pod.initContainers ?? []).map((c) => ({ c, init: true })),
    ...(pod.containers ?? []).map((c) => ({ c, init: false })),
  ];
  for (const { c, init } of containers) {
    const sc = c.securityContext ?? {};
    const say = (message) => problems.push(`container ${c.name}: ${message}`);
    if ((sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot) !== true) say("runAsNonRoot is not true");
    const seccomp = (sc.seccompProfile ?? pod.securityContext?.seccompProfile)?.type;
    if (!["RuntimeDefault", "Localhost"].includes(seccomp)) say("seccompProfile is not RuntimeDefault");
    if (sc.allowPrivilegeEscalation !== false) say("allowPrivilegeEscalation is not false");
    if (sc.readOnlyRootFilesystem !== true) say("readOnlyRootFilesystem is not true");
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) say("capabilities do not drop ALL");
    const { requests = {}, limits = {} } = c.resources ?? {};
    if (!requests.cpu || !requests.memory) say("no CPU or memory request");
    if (!limits.memory) say("no memory limit");
    if (longRunning && !init && (!c.livenessProbe || !c.readinessProbe)) say("no liveness or readiness probe");
  }
  return problems;
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  let objects = 0;
  const lines = [];
  for (const doc of docs) {
    if (doc.errors.length) {
      lines.push(`  YAML: ${doc.errors[0].message.split("\n")[0]}`);
      continue;
    }
    const obj = doc.toJS();
    if (obj == null) continue;
    objects++;
    const name = `${obj.kind}/${obj.metadata?.name}`;
    for (const p of [...schemaProblems(obj), ...ruleProblems(obj)]) lines.push(`  ${name}: ${p}`);
  }
  if (lines.length) {
    failed++;
    console.log(`FAIL ${basename(file)}: ${objects} objects, ${lines.length} problems`);
    lines.forEach((l) => console.log(l));
  } else {
    console.log(`ok   ${basename(file)}: ${objects} objects valid`);
  }
}
process.exit(failed ? 1 : 0);
