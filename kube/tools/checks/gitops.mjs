// Offline checks of GitOps, secrets and backups (kube/gitops, kube/components/external-secrets,
// kube/backups), per rendering of kube/validate.sh:
//  - schemas: Argo CD kinds (argoproj.io) against @kubernetes-models/argo-cd, External Secrets
//    kinds (external-secrets.io) against @kubernetes-models/external-secrets (types, required
//    fields, enums), plus unknown fields, found from the packages' type declarations;
//  - kube/gitops (checked with the base rendering): one Application per overlay, in the project
//    "opencommerce", syncing kube/gitops/environments/<env> into the namespace opencommerce;
//    automated sync with prune and self-heal in dev and staging, manual in prod; no image or other
//    kustomize override in an Application (an environment's images are set in its overlay only);
//    no resources-finalizer (deleting an Application never deletes the databases);
//  - kube/gitops/environments/<env> (checked with overlays/<env>): it renders, holds the overlay's
//    objects, each with an integer sync wave, in the order secrets < data tier < broker <
//    services < edge; the databases and the namespace never pruned or deleted;
//  - staging and prod: no Secret values in the rendering; every Secret a pod reads, and every
//    template of kube/secrets/, comes from an ExternalSecret with exactly the template's keys,
//    through a SecretStore of the rendering;
//  - staging and prod: a daily backup CronJob (concurrencyPolicy Forbid) per service database,
//    dumping that database with mysqldump --single-transaction, images pinned to a version;
//    the backups' lifecycle expires objects after 30 days; the restore Job (kube/backups/restore)
//    renders, valid, with pinned images.
// Used by kube/tools/validate.mjs (gitopsSchemaProblems, gitopsProblems).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const kube = join(here, "..", "..");
import { modelProblems, packageModel, require, unknownFields } from "./models.mjs";
const { parseAllDocuments, parse } = require("yaml");

const ENVIRONMENTS = ["dev", "staging", "prod"];
const AUTOMATED = { dev: true, staging: true, prod: false };
const NAMESPACE = "opencommerce";
const PROJECT = "opencommerce";
const WAVE = "argocd.argoproj.io/sync-wave";
const SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
// Tiers in sync order; an object's tier is the first that matches.
const TIERS = [
  ["secrets", (o) => ["Namespace", "Secret", "SecretStore", "ExternalSecret"].includes(o.kind)],
  ["data tier", (o) => o.kind === "StatefulSet" && label(o, "component") === "database"],
  ["broker", (o) => String(o.apiVersion).startsWith("rabbitmq.com/") || label(o, "name") === "rabbitmq"],
  ["services", (o) => ["Deployment", "Service"].includes(o.kind) && label(o, "component") === "api"],
  ["edge", (o) => label(o, "component") === "edge"],
];
// A version, not a moving tag: x.y.z (with an optional suffix) or a digest.
const PINNED = /(:v?\d+\.\d+\.\d+[\w.-]*|@sha256:[0-9a-f]{64})$/;

const label = (o, key) => o.metadata?.labels?.[`app.kubernetes.io/${key}`];
const id = (o) => `${o.kind}/${o.metadata?.name}`;

// ---------------------------------------------------------------------------------------------
// Schemas

const PACKAGES = { "argoproj.io/": "@kubernetes-models/argo-cd", "external-secrets.io/": "@kubernetes-models/external-secrets" };
// A kind's model and declaration file, from the package of its API group.
function modelOf(apiVersion, kind) {
  const group = Object.keys(PACKAGES).find((g) => String(apiVersion).startsWith(g));
  return group ? packageModel(PACKAGES[group], apiVersion, kind) : {};
}

// Problems of an Argo CD or External Secrets object; undefined for any other kind.
export async function gitopsSchemaProblems(obj) {
  if (!Object.keys(PACKAGES).some((g) => String(obj.apiVersion).startsWith(g))) return undefined;
  const { Model, declaration } = await modelOf(obj.apiVersion, obj.kind);
  if (!Model) return [`no schema for ${obj.apiVersion} ${obj.kind} (${Object.values(PACKAGES).join(", ")})`];
  const problems = modelProblems(Model, obj);
  unknownFields(obj, declaration, "", problems);
  return problems;
}

// Kubernetes kinds of the renderings made here (the restore Job).
function kubernetesProblems(obj) {
  let Model;
  try {
    Model = require(`kubernetes-models/${obj.apiVersion}`)[obj.kind];
  } catch {
    return [`no Kubernetes schema for ${obj.apiVersion} ${obj.kind}`];
  }
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    return (e.errors ?? [e]).map((err) => `${err.instancePath || "/"} ${err.message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Renderings made here

const renderings = new Map();
function render(path) {
  if (!renderings.has(path)) {
    try {
      const out = execFileSync("kubectl", ["kustomize", join(kube, path)], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      renderings.set(path, { objects: parseAllDocuments(out).map((d) => d.toJS()).filter(Boolean) });
    } catch (e) {
      renderings.set(path, { error: String(e.stderr || e.message).trim().split("\n").pop() });
    }
  }
  return renderings.get(path);
}

function podSpecOf(o) {
  if (o.kind === "CronJob") return o.spec?.jobTemplate?.spec?.template?.spec;
  return o.spec?.template?.spec;
}
const containersOf = (pod) => [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])];

// ---------------------------------------------------------------------------------------------
// kube/gitops: the project and the Applications

function applicationProblems(say) {
  const r = render("gitops");
  if (r.error) return say("kube/gitops", `does not render: ${r.error}`);
  return (async () => {
    for (const o of r.objects) for (const p of (await gitopsSchemaProblems(o)) ?? [`${o.kind} does not belong in kube/gitops`]) say(id(o), p);
    const apps = r.objects.filter((o) => o.kind === "Application");
    if (!r.objects.some((o) => o.kind === "AppProject" && o.metadata?.name === PROJECT)) say("kube/gitops", `no AppProject ${PROJECT}`);
    for (const env of ENVIRONMENTS) {
      const path = `kube/gitops/environments/${env}`;
      const mine = apps.filter((a) => a.spec?.source?.path === path);
      if (mine.length !== 1) {
        say("kube/gitops", `${mine.length} Applications sync ${path} (one per environment)`);
        continue;
      }
      const [app] = mine;
      const s = (m) => say(id(app), m);
      const spec = app.spec ?? {};
      if (spec.project !== PROJECT) s(`project ${spec.project}, not ${PROJECT}`);
      if (spec.destination?.namespace !== NAMESPACE) s(`destination namespace ${spec.destination?.namespace}, not ${NAMESPACE}`);
      if (spec.sources) s("sources: one source, the environment's folder");
      for (const key of ["kustomize", "helm", "plugin", "directory"]) {
        if (spec.source?.[key]) s(`source.${key}: the environment's images and settings are set in kube/overlays/${env} only`);
      }
      if ((app.metadata?.finalizers ?? []).some((f) => f.includes("resources-finalizer")))
        s("resources-finalizer: deleting the Application would delete the databases' volumes");
      const automated = spec.syncPolicy?.automated;
      if (AUTOMATED[env] && !(automated?.selfHeal === true && automated?.prune === true))
        s(`${env} syncs by itself: syncPolicy.automated with prune and selfHeal`);
      if (!AUTOMATED[env] && automated) s(`${env} is synced by hand: no syncPolicy.automated`);
    }
  })();
}

// ---------------------------------------------------------------------------------------------
// kube/gitops/environments/<env>: sync waves

function waveProblems(env, overlay, say) {
  const r = render(`gitops/environments/${env}`);
  const where = `kube/gitops/environments/${env}`;
  if (r.error) return say(where, `does not render: ${r.error}`);
  const key = (o) => `${o.apiVersion} ${id(o)}`;
  const wrapped = new Set(r.objects.map(key));
  const missing = overlay.filter((o) => !wrapped.has(key(o)));
  if (missing.length || r.objects.length !== overlay.length)
    say(where, `does not hold exactly the objects of overlays/${env} (missing: ${missing.map(id).slice(0, 5).join(", ") || "none"})`);
  const waves = new Map(); // tier -> [min, max]
  for (const o of r.objects) {
    const wave = o.metadata?.annotations?.[WAVE];
    if (!/^-?\d+$/.test(wave ?? "")) {
      say(id(o), `no integer ${WAVE} in ${where}`);
      continue;
    }
    const tier = TIERS.find(([, is]) => is(o))?.[0];
    if (!tier) continue;
    const [lo, hi] = waves.get(tier) ?? [Infinity, -Infinity];
    waves.set(tier, [Math.min(lo, +wave), Math.max(hi, +wave)]);
  }
  const present = TIERS.map(([t]) => t).filter((t) => waves.has(t));
  for (let i = 1; i < present.length; i++) {
    const [before, after] = [present[i - 1], present[i]];
    if (waves.get(before)[1] >= waves.get(after)[0])
      say(where, `sync waves: ${before} (up to ${waves.get(before)[1]}) must come before ${after} (from ${waves.get(after)[0]})`);
  }
  for (const o of r.objects.filter((o) => o.kind === "Namespace" || TIERS[1][1](o))) {
    const options = o.metadata?.annotations?.[SYNC_OPTIONS] ?? "";
    if (!options.includes("Prune=false") || !options.includes("Delete=false"))
      say(id(o), `${where}: ${SYNC_OPTIONS} needs Prune=false,Delete=false (it holds the data)`);
  }
}

// ---------------------------------------------------------------------------------------------
// Staging and prod: secrets from the secret manager

function templates() {
  const dir = join(kube, "secrets");
  const list = parse(readFileSync(join(dir, "kustomization.yaml"), "utf8")).resources ?? [];
  return list.flatMap((f) => parseAllDocuments(readFileSync(join(dir, f), "utf8")).map((d) => d.toJS()).filter((o) => o?.kind === "Secret"));
}

function secretProblems(objects, say) {
  const externals = new Map();
  for (const e of objects.filter((o) => o.kind === "ExternalSecret")) externals.set(e.spec?.target?.name ?? e.metadata?.name, e);
  const stores = new Set(objects.filter((o) => o.kind === "SecretStore").map((o) => o.metadata?.name));
  for (const s of objects.filter((o) => o.kind === "Secret")) {
    if (Object.keys({ ...s.data, ...s.stringData }).length) say(id(s), "values in git: the environment's Secrets come from ExternalSecrets");
  }
  for (const e of externals.values()) {
    const ref = e.spec?.secretStoreRef;
    if ((ref?.kind ?? "SecretStore") !== "SecretStore" || !stores.has(ref?.name))
      say(id(e), `SecretStore ${ref?.name} not in this rendering`);
  }
  const read = new Set();
  for (const o of objects) {
    const pod = podSpecOf(o);
    if (!pod) continue;
    for (const c of containersOf(pod)) {
      for (const f of c.envFrom ?? []) if (f.secretRef?.name) read.add(f.secretRef.name);
      for (const v of c.env ?? []) if (v.valueFrom?.secretKeyRef?.name) read.add(v.valueFrom.secretKeyRef.name);
    }
    for (const v of pod.volumes ?? []) if (v.secret?.secretName) read.add(v.secret.secretName);
  }
  for (const name of read) if (!externals.has(name)) say(`Secret/${name}`, "read by a pod but no ExternalSecret makes it");
  for (const t of templates()) {
    const name = t.metadata?.name;
    const e = externals.get(name);
    if (!e) {
      say(`Secret/${name}`, "a template in kube/secrets/ without an ExternalSecret (components/external-secrets/common)");
      continue;
    }
    const want = Object.keys({ ...t.data, ...t.stringData }).sort();
    const have = (e.spec?.data ?? []).map((d) => d.secretKey).sort();
    if (want.join() !== have.join()) say(id(e), `keys ${have.join(", ")} differ from the template's: ${want.join(", ")}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Staging and prod: backups

function imageProblems(o, say) {
  for (const c of containersOf(podSpecOf(o))) {
    if (!PINNED.test(c.image ?? "")) say(id(o), `container ${c.name}: image ${c.image} is not pinned to a version (x.y.z or a digest)`);
  }
}

function backupProblems(objects, say) {
  const cronJobs = objects.filter((o) => o.kind === "CronJob" && label(o, "component") === "backup");
  const scripts = objects.find((o) => o.kind === "ConfigMap" && o.metadata?.name === "backup-scripts")?.data ?? {};
  if (!/mysqldump[^\n]*--single-transaction/.test(scripts["dump.sh"] ?? ""))
    say("ConfigMap/backup-scripts", "dump.sh does not run mysqldump --single-transaction");
  const rules = JSON.parse(scripts["lifecycle.json"] ?? "{}").Rules ?? [];
  if (!rules.some((r) => r.Status === "Enabled" && r.Expiration?.Days === 30))
    say("ConfigMap/backup-scripts", "lifecycle.json does not expire backups after 30 days");
  for (const db of objects.filter((o) => o.kind === "StatefulSet" && label(o, "component") === "database")) {
    const name = db.metadata.name;
    const mine = cronJobs.filter((c) => containersOf(podSpecOf(c)).some((k) => (k.env ?? []).some((v) => v.name === "DB_HOST" && v.value === name)));
    if (mine.length !== 1) {
      say(id(db), `${mine.length} backup CronJobs dump it (one, labelled app.kubernetes.io/component=backup)`);
      continue;
    }
    const [cron] = mine;
    const [minute, hour, ...daily] = String(cron.spec?.schedule).split(/\s+/);
    if (daily.join(" ") !== "* * *" || !/^\d+$/.test(minute) || !/^\d+$/.test(hour))
      say(id(cron), `schedule "${cron.spec?.schedule}" is not once a day`);
    if (cron.spec?.concurrencyPolicy !== "Forbid") say(id(cron), "concurrencyPolicy is not Forbid");
  }
  for (const c of cronJobs) imageProblems(c, say);
  const restore = render("backups/restore");
  if (restore.error) return say("kube/backups/restore", `does not render: ${restore.error}`);
  for (const o of restore.objects) {
    for (const p of kubernetesProblems(o)) say(`kube/backups/restore ${id(o)}`, p);
    if (podSpecOf(o)) imageProblems(o, (w, m) => say(`kube/backups/restore ${w}`, m));
    for (const v of podSpecOf(o)?.volumes ?? []) {
      if (v.configMap && !objects.some((x) => x.kind === "ConfigMap" && x.metadata?.name === v.configMap.name))
        say(`kube/backups/restore ${id(o)}`, `ConfigMap ${v.configMap.name} is not in this rendering`);
    }
  }
}

// ---------------------------------------------------------------------------------------------

// Problems of one rendering (file "base.yaml" or "overlays-<env>.yaml"), as [object, message].
export async function gitopsProblems(file, objects) {
  const problems = [];
  const say = (where, message) => problems.push([where, message]);
  if (file === "base.yaml") await applicationProblems(say);
  const env = /^overlays-(\w+)\.yaml$/.exec(file)?.[1];
  if (env && ENVIRONMENTS.includes(env)) waveProblems(env, objects, say);
  if (env === "staging" || env === "prod") {
    secretProblems(objects, say);
    backupProblems(objects, say);
  }
  return problems;
}
