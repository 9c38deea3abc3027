// Offline checks of the platform's monitoring objects (kube/monitoring), across the objects of
// one rendering:
//  - Prometheus Operator kinds (monitoring.coreos.com: ServiceMonitor, PodMonitor,
//    PrometheusRule, AlertmanagerConfig) against @kubernetes-models/prometheus-operator (types,
//    required fields, enums, patterns), plus unknown fields, found from the package's type
//    declarations, since its schemas let them through;
//  - every platform service (a Service labelled app.kubernetes.io/component=api) scraped by a
//    ServiceMonitor on its port "http";
//  - every alert with severity critical or warning, a summary and a description, and a unit
//    test in kube/monitoring/rules/*.test.yaml; rule names unique;
//  - the AlertmanagerConfig's routes name receivers that exist, every receiver sends somewhere,
//    and the severities the rules use are routed;
//  - every dashboard ConfigMap (label grafana_dashboard) holds JSON with a unique uid and a title,
//    and every panel query is set.
// Used by kube/tools/validate.mjs (monitoringProblems). Run by itself, it writes the spec of each
// PrometheusRule of the given renderings as a Prometheus rule file, for promtool:
//   node monitoring.mjs --rules-out DIR FILE...   (kube/validate.sh does this)
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
import { modelProblems, packageModel, require, unknownFields } from "./models.mjs";
const testsDir = join(here, "..", "..", "monitoring", "rules");

const GROUP = "monitoring.coreos.com/";
const SEVERITIES = ["critical", "warning"];

async function schemaProblems(obj) {
  const { Model, declaration } = await packageModel("@kubernetes-models/prometheus-operator", obj.apiVersion, obj.kind);
  if (!Model) return [`no Prometheus Operator schema for ${obj.apiVersion} ${obj.kind}`];
  const problems = modelProblems(Model, obj);
  unknownFields(obj, declaration, "", problems);
  return [...new Set(problems)];
}

const matches = (selector, labels = {}) =>
  Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
  (selector?.matchExpressions ?? []).every((e) => {
    const has = Object.hasOwn(labels, e.key);
    if (e.operator === "In") return has && e.values.includes(labels[e.key]);
    if (e.operator === "NotIn") return !has || !e.values.includes(labels[e.key]);
    if (e.operator === "Exists") return has;
    return !has; // DoesNotExist
  });

// The alert names the unit tests exercise (alertname of every alert_rule_test).
function testedAlerts() {
  const { parse } = require("yaml");
  const names = new Set();
  if (!existsSync(testsDir)) return names;
  for (const file of readdirSync(testsDir).filter((f) => f.endsWith(".test.yaml"))) {
    const doc = parse(readFileSync(join(testsDir, file), "utf8"));
    for (const t of doc?.tests ?? []) for (const a of t.alert_rule_test ?? []) names.add(a.alertname);
  }
  return names;
}

function ruleProblems(rule, say, tested, seen) {
  for (const group of rule.spec?.groups ?? []) {
    for (const r of group.rules ?? []) {
      const name = r.alert ?? r.record;
      if (seen.has(name) && r.alert) say(`alert ${name} defined twice`);
      seen.add(name);
      if (!r.alert) continue;
      const severity = r.labels?.severity;
      if (!SEVERITIES.includes(severity)) say(`alert ${name}: severity "${severity ?? ""}" (${SEVERITIES.join(" or ")})`);
      if (!r.annotations?.summary || !r.annotations?.description) say(`alert ${name}: no summary or description`);
      if (!tested.has(name)) say(`alert ${name}: no unit test in kube/monitoring/rules/*.test.yaml`);
    }
  }
}

function alertmanagerProblems(config, say, severities) {
  const receivers = new Set((config.spec?.receivers ?? []).map((r) => r.name));
  for (const r of config.spec?.receivers ?? []) {
    const sends = Object.keys(r).some((k) => k.endsWith("Configs") && (r[k] ?? []).length);
    if (!sends) say(`receiver ${r.name} sends nowhere`);
  }
  const routed = new Set();
  const walk = (route, path) => {
    if (route.receiver && !receivers.has(route.receiver)) say(`${path}: receiver ${route.receiver} not defined`);
    for (const m of route.matchers ?? []) if (m.name === "severity" && (m.matchType ?? "=") === "=") routed.add(m.value);
    (route.routes ?? []).forEach((r, i) => walk(r, `${path}/routes/${i}`));
  };
  if (!config.spec?.route?.receiver) say("no top-level route receiver");
  walk(config.spec?.route ?? {}, "route");
  for (const s of severities) if (!routed.has(s)) say(`severity ${s} has no route of its own`);
}

function dashboardProblems(configMap, say, uids) {
  for (const [file, text] of Object.entries(configMap.data ?? {})) {
    let d;
    try {
      d = JSON.parse(text);
    } catch (e) {
      say(`${file}: not JSON (${e.message})`);
      continue;
    }
    if (!d.uid || !d.title) say(`${file}: no uid or title`);
    if (uids.has(d.uid)) say(`${file}: uid ${d.uid} also used by ${uids.get(d.uid)}`);
    uids.set(d.uid, file);
    const panels = (d.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]).filter((p) => p.type !== "row");
    if (!panels.length) say(`${file}: no panels`);
    for (const p of panels) {
      if (!(p.targets ?? []).length || p.targets.some((t) => !t.expr)) say(`${file}: panel "${p.title}" has a target without a query`);
    }
  }
}

// Problems of one rendering: [object, message] pairs.
export async function monitoringProblems(objects) {
  const problems = [];
  const of = (kind) => objects.filter((o) => o.kind === kind);
  for (const obj of objects.filter((o) => String(o.apiVersion).startsWith(GROUP))) {
    for (const p of await schemaProblems(obj)) problems.push([`${obj.kind}/${obj.metadata?.name}`, p]);
  }
  const monitors = of("ServiceMonitor");
  if (!monitors.length && !of("PrometheusRule").length) return problems; // no monitoring here (kube/base)

  // Every platform service is scraped on its port "http".
  for (const s of of("Service").filter((s) => s.metadata?.labels?.["app.kubernetes.io/component"] === "api")) {
    const scraped = monitors.some(
      (m) => matches(m.spec?.selector, s.metadata.labels) && (m.spec?.endpoints ?? []).some((e) => e.port === "http"),
    );
    if (!scraped) problems.push([`Service/${s.metadata.name}`, "no ServiceMonitor scrapes its port http"]);
  }

  const tested = testedAlerts();
  const seen = new Set();
  const severities = new Set();
  for (const rule of of("PrometheusRule")) {
    ruleProblems(rule, (m) => problems.push([`PrometheusRule/${rule.metadata?.name}`, m]), tested, seen);
    for (const g of rule.spec?.groups ?? []) for (const r of g.rules ?? []) if (r.alert) severities.add(r.labels?.severity);
  }
  for (const config of of("AlertmanagerConfig")) {
    alertmanagerProblems(config, (m) => problems.push([`AlertmanagerConfig/${config.metadata?.name}`, m]), severities);
  }
  const uids = new Map();
  for (const cm of of("ConfigMap").filter((c) => c.metadata?.labels?.grafana_dashboard)) {
    dashboardProblems(cm, (m) => problems.push([`ConfigMap/${cm.metadata.name}`, m]), uids);
  }
  return problems;
}

// Command line: write the PrometheusRules' specs as rule files (<name>.rules.yaml) into DIR.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--rules-out");
  if (at < 0 || !args[at + 1]) {
    console.error("usage: node monitoring.mjs --rules-out DIR FILE...");
    process.exit(2);
  }
  const out = args[at + 1];
  const files = args.filter((_, i) => i !== at && i !== at + 1);
  const { parseAllDocuments, stringify } = require("yaml");
  mkdirSync(out, { recursive: true });
  const written = new Map();
  for (const file of files) {
    for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
      const obj = doc.toJS();
      if (obj?.kind !== "PrometheusRule" || !String(obj.apiVersion).startsWith(GROUP)) continue;
      const text = stringify(obj.spec, { lineWidth: 0 });
      const name = `${obj.metadata.name}.rules.yaml`;
      if (written.has(name) && written.get(name) !== text) {
        console.error(`PrometheusRule ${obj.metadata.name} differs between renderings (${file})`);
        process.exit(1);
      }
      written.set(name, text);
    }
  }
  for (const [name, text] of written) writeFileSync(join(out, name), text);
  console.log([...written.keys()].join(" "));
}
