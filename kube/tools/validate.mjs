// Offline checks of rendered Kubernetes manifests (the output of `kubectl kustomize`):
//  1. schema: each object against the schema of its apiVersion and kind:
//     - Kubernetes kinds: npm package kubernetes-models@4 (types, required fields, enums; it does
//       not report unknown fields, so rule 2 also catches misspelt hardening fields);
//     - Gateway API kinds (gateway.networking.k8s.io): npm package @kubernetes-models/gateway-api
//       (types, required fields, enums, patterns), plus unknown fields, found from the package's
//       type declarations, since its schemas let them through;
//     - Envoy Gateway kinds (gateway.envoyproxy.io): the platform's own closed JSON schemas in
//       kube/tools/schemas/ (ajv), so a misspelt field fails; a kind without one fails too;
//  2. platform rules for workloads, which no schema expresses: non-root, RuntimeDefault
//     seccomp, read-only root filesystem, no privilege escalation, all capabilities dropped,
//     CPU and memory requests, a memory limit, liveness and readiness probes;
//  3. platform rules for the edge (kube/components/edge), across the objects of one rendering:
//     TLS 1.3 only, on every HTTPS listener; HTTPS listeners with a certificate and real host
//     names; plain HTTP only redirects; every routed path under /<service>/api of the Service it
//     goes to (or the storefront's /storefront/openapi), so /health, /metrics, /openapi,
//     /adminCenter and /ibm/api are never routed; every rule removes X-Site and sets
//     Strict-Transport-Security; every route that reaches a Service under exactly one
//     SecurityPolicy and one BackendTrafficPolicy; a service's whole /<service>/api with a
//     required token; per-address limits everywhere and a per-user limit where a token is
//     required; policies and filters refer to objects that exist; the NetworkPolicy that admits
//     the gateway names exactly the routed services.
//  The modules of checks/ add the monitoring, environment, GitOps, data-tier and tracing rules
//  (checks/tracing.mjs: the collector and the trace back end, the services' OpenTelemetry
//  settings, the paths between them).
//
// Usage: node validate.mjs FILE...  (multi-document YAML, one rendering per file). Run by
// kube/validate.sh, which installs the npm packages into KUBE_TOOLS_DIR; without it they resolve
// as usual. Exit status 1 when any object fails.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { closedSchemaProblems, modelProblems, packageModel, require, unknownFields } from "./checks/models.mjs";
import { monitoringProblems } from "./checks/monitoring.mjs";

const { parseAllDocuments } = require("yaml");

// ---------------------------------------------------------------------------------------------
// 1. Schemas

// The model class of a Kubernetes object: "v1" -> kubernetes-models/v1, "apps/v1" -> kubernetes-models/apps/v1.
function modelOf(apiVersion, kind) {
  try {
    return require(`kubernetes-models/${apiVersion}`)[kind];
  } catch {
    return undefined;
  }
}

const GATEWAY_API_GROUPS = ["gateway.networking.k8s.io/", "gateway.networking.x-k8s.io/"];
async function schemaProblems(obj) {
  if (GATEWAY_API_GROUPS.some((g) => String(obj.apiVersion).startsWith(g))) {
    const { Model, declaration } = await packageModel("@kubernetes-models/gateway-api", obj.apiVersion, obj.kind);
    if (!Model) return [`no Gateway API schema for ${obj.apiVersion} ${obj.kind}`];
    const problems = modelProblems(Model, obj);
    unknownFields(obj, declaration, "", problems);
    return problems;
  }
  // Envoy Gateway's policies and the RabbitMQ operator's objects: no package models them; the
  // platform's closed schemas (kube/tools/schemas/) do.
  if (/^(gateway\.envoyproxy\.io|rabbitmq\.com)\//.test(obj.apiVersion)) return closedSchemaProblems(obj);
  if (String(obj.apiVersion).startsWith("monitoring.coreos.com/")) return []; // checks/monitoring.mjs
  if (/^(argoproj|external-secrets)\.io\//.test(obj.apiVersion)) return (await import("./checks/gitops.mjs")).gitopsSchemaProblems(obj);
  const Model = modelOf(obj.apiVersion, obj.kind);
  if (!Model) return [`no Kubernetes schema for ${obj.apiVersion} ${obj.kind}`];
  return modelProblems(Model, obj);
}

// ---------------------------------------------------------------------------------------------
// 2. Workload rules

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

// ---------------------------------------------------------------------------------------------
// 3. Edge rules (across the objects of one rendering)

const HSTS = "max-age=31536000; includeSubDomains";
// The component's placeholders, which every overlay replaces with its own host names.
const PLACEHOLDER_HOSTS = ["api.example.com", "*.shops.example.com"];
// The one path outside /<service>/api that is routed: the merged API description and its UI.
const API_DESCRIPTION = { service: "storefront", prefix: "/storefront/openapi" };
// A regular expression must start with its literal /<service>/api/ and have no alternative.
const LITERAL_API_PREFIX = /^\/[a-z0-9-]+\/api\/[^\\[(.*+?|{^$]/;

const sameName = (a, b) => String(a).toLowerCase() === String(b).toLowerCase();
const filterOf = (rule, type) => (rule.filters ?? []).find((f) => f.type === type);
const under = (value, prefix) => value === prefix || value.startsWith(`${prefix}/`);

// Problems of one route rule that sends HTTPS traffic somewhere; `routed` collects its Services.
function ruleOfRouteProblems(rule, { services, filters, namespace }, say, routed) {
  const removes = filterOf(rule, "RequestHeaderModifier")?.requestHeaderModifier?.remove ?? [];
  if (!removes.some((h) => sameName(h, "X-Site"))) say("does not remove X-Site from the request");
  const sets = filterOf(rule, "ResponseHeaderModifier")?.responseHeaderModifier?.set ?? [];
  if (!sets.some((h) => sameName(h.name, "Strict-Transport-Security") && h.value === HSTS))
    say(`does not set Strict-Transport-Security: ${HSTS}`);
  const extension = filterOf(rule, "ExtensionRef")?.extensionRef;
  if (extension && !(extension.kind === "HTTPRouteFilter" && filters.has(extension.name)))
    say(`filter ${extension.kind}/${extension.name} not found`);
  const refs = rule.backendRefs ?? [];
  if (!refs.length && !extension) say("neither a backend nor a filter that answers");
  for (const b of refs) {
    const isService = (b.kind ?? "Service") === "Service" && (b.group ?? "") === "";
    if (!isService) say(`backend ${b.kind}/${b.name} is not a Service`);
    else if (!services.has(b.name)) say(`Service ${b.name} not found`);
    if (b.port !== 9080) say(`backend ${b.name} port ${b.port} (the services serve HTTP on 9080)`);
    if (b.namespace && b.namespace !== namespace) say(`backend ${b.name} in another namespace`);
    routed.add(b.name);
  }
  // Paths: under /<service>/api of the Service the rule sends to (or of the service the path
  // names, for a rule that answers itself); never a server's own endpoints.
  let wholeApi = false;
  for (const m of rule.matches?.length ? rule.matches : [{}]) {
    const type = m.path?.type ?? "PathPrefix";
    const value = m.path?.value ?? "/";
    const service = /^\/([a-z0-9-]+)\//.exec(`${value}/`)?.[1];
    const allowed =
      under(value, `/${service}/api`) ||
      (service === API_DESCRIPTION.service && under(value, API_DESCRIPTION.prefix));
    const literal = type !== "RegularExpression" || (LITERAL_API_PREFIX.test(value) && !value.includes("|"));
    if (!allowed || !literal)
      say(`path ${type} ${value} is outside /<service>/api (only the services' APIs and ${API_DESCRIPTION.prefix} are routed)`);
    else if (refs.length && !refs.every((b) => b.name === service))
      say(`path ${value} goes to ${refs.map((b) => b.name).join(", ")}, not to ${service}`);
    const unconditional = !m.method && !m.headers && !m.queryParams;
    if (type === "PathPrefix" && value === `/${service}/api` && unconditional && refs.length) wholeApi = true;
  }
  return wholeApi;
}

function edgeProblems(objects) {
  const problems = []; // [object, message]
  const of = (kind) => objects.filter((o) => o.kind === kind);
  const named = (kind) => new Map(of(kind).map((o) => [o.metadata?.name, o]));
  const key = (kind, name) => `${kind}/${name}`;
  const gateways = named("Gateway");
  const routes = named("HTTPRoute");
  const context = { services: new Set(named("Service").keys()), filters: new Set(named("HTTPRouteFilter").keys()) };

  // Gateways: HTTPS listeners terminate TLS with a certificate, on a real host name.
  const httpListeners = new Set();
  for (const [name, g] of gateways) {
    const say = (m) => problems.push([key("Gateway", name), m]);
    for (const l of g.spec?.listeners ?? []) {
      if (l.protocol === "HTTPS") {
        if (l.tls?.mode !== "Terminate" || !(l.tls?.certificateRefs ?? []).length)
          say(`listener ${l.name}: HTTPS without TLS termination and a certificate`);
        if (!l.hostname || PLACEHOLDER_HOSTS.includes(l.hostname))
          say(`listener ${l.name}: host name "${l.hostname ?? ""}" is not set for this environment`);
      } else if (l.protocol === "HTTP") {
        httpListeners.add(`${name}/${l.name}`);
      } else {
        say(`listener ${l.name}: protocol ${l.protocol} (only HTTPS, and HTTP for the redirect)`);
      }
    }
  }

  // ClientTrafficPolicies: TLS 1.3 only, and every HTTPS listener under one of them (a policy on
  // one listener, with sectionName, takes precedence over one on its whole Gateway).
  const tlsOf = new Map(); // "gateway/listener" or "gateway/" -> policy
  for (const p of of("ClientTrafficPolicy")) {
    const { minVersion = "default", maxVersion = "default" } = p.spec?.tls ?? {};
    if (minVersion !== "1.3" || maxVersion !== "1.3")
      problems.push([key("ClientTrafficPolicy", p.metadata?.name),
        `TLS ${minVersion}..${maxVersion}: the edge speaks TLS 1.3 only (minVersion and maxVersion "1.3")`]);
    for (const t of p.spec?.targetRefs ?? []) {
      if (t.kind === "Gateway") tlsOf.set(`${t.name}/${t.sectionName ?? ""}`, p);
    }
    // Headers only the platform may set: the site, the token check's subject, and the trace
    // context (a client's traceparent would choose its trace id and force sampling in prod).
    const removed = p.spec?.headers?.earlyRequestHeaders?.remove ?? [];
    for (const h of ["X-Site", "X-Jwt-Sub", "traceparent", "tracestate"]) {
      if (!removed.some((r) => r.toLowerCase() === h.toLowerCase()))
        problems.push([key("ClientTrafficPolicy", p.metadata?.name),
          `does not remove ${h} from the clients' requests (headers.earlyRequestHeaders.remove)`]);
    }
  }
  for (const [name, g] of gateways) {
    for (const l of (g.spec?.listeners ?? []).filter((l) => l.protocol === "HTTPS")) {
      if (!tlsOf.has(`${name}/${l.name}`) && !tlsOf.has(`${name}/`))
        problems.push([key("Gateway", name), `listener ${l.name}: no ClientTrafficPolicy sets its TLS versions`]);
    }
  }

  // Routes.
  const forwarding = new Map(); // route -> the Services it sends to
  const wholeApi = new Set(); // routes holding a service's whole /<service>/api
  for (const [name, r] of routes) {
    const say = (m) => problems.push([key("HTTPRoute", name), m]);
    const parents = (r.spec?.parentRefs ?? []).map((p) => {
      if (!gateways.has(p.name)) say(`parentRef ${p.name}: no such Gateway`);
      if (!p.sectionName) say(`parentRef ${p.name}: no sectionName (attach to named listeners)`);
      return `${p.name}/${p.sectionName}`;
    });
    const onHttp = parents.filter((p) => httpListeners.has(p));
    if (onHttp.length && onHttp.length !== parents.length) say("attached to plain HTTP and HTTPS listeners at once");
    const routed = new Set();
    (r.spec?.rules ?? []).forEach((rule, i) => {
      if (onHttp.length) {
        const redirect = filterOf(rule, "RequestRedirect")?.requestRedirect;
        if (redirect?.scheme !== "https" || (rule.backendRefs ?? []).length)
          say(`rule ${i}: on plain HTTP (${onHttp.join(", ")}) only a redirect to https is allowed`);
        return;
      }
      const ctx = { ...context, namespace: r.metadata?.namespace };
      if (ruleOfRouteProblems(rule, ctx, (m) => say(`rule ${i}: ${m}`), routed)) wholeApi.add(name);
    });
    if (routed.size) forwarding.set(name, routed);
  }

  // Policies: their targets exist; every route that reaches a Service has exactly one
  // SecurityPolicy and one BackendTrafficPolicy.
  const policiesOf = { SecurityPolicy: new Map(), BackendTrafficPolicy: new Map() };
  for (const kind of ["SecurityPolicy", "BackendTrafficPolicy", "ClientTrafficPolicy"]) {
    for (const p of of(kind)) {
      for (const t of p.spec?.targetRefs ?? []) {
        const targets = { Gateway: gateways, HTTPRoute: routes }[t.kind];
        if (!targets?.has(t.name)) problems.push([key(kind, p.metadata?.name), `target ${t.kind}/${t.name} not found`]);
        if (t.kind === "HTTPRoute" && policiesOf[kind]) {
          policiesOf[kind].set(t.name, [...(policiesOf[kind].get(t.name) ?? []), p]);
        }
      }
    }
  }
  for (const route of forwarding.keys()) {
    const say = (m) => problems.push([key("HTTPRoute", route), m]);
    const securities = policiesOf.SecurityPolicy.get(route) ?? [];
    const traffics = policiesOf.BackendTrafficPolicy.get(route) ?? [];
    if (securities.length !== 1) say(`needs exactly one SecurityPolicy (tokens, CORS), has ${securities.length}`);
    if (traffics.length !== 1) say(`needs exactly one BackendTrafficPolicy (rate limits), has ${traffics.length}`);
    const [security] = securities;
    const [traffic] = traffics;

    // Tokens: a service's whole /<service>/api requires one.
    const jwt = security?.spec?.jwt;
    const required = jwt && jwt.optional !== true;
    if (security && !jwt) say(`SecurityPolicy ${security.metadata?.name} checks no token`);
    if (security && wholeApi.has(route) && !required)
      say(`sends its service's whole API under SecurityPolicy ${security.metadata?.name}, which does not require a token`);

    // Rate limits: per address everywhere; per user (the header the token check writes from
    // sub) where a token is required.
    if (!traffic) continue;
    const selectors = (traffic.spec?.rateLimit?.global?.rules ?? []).flatMap((r) => r.clientSelectors ?? []);
    if (!selectors.some((c) => c.sourceCIDR?.type === "Distinct"))
      say(`BackendTrafficPolicy ${traffic.metadata?.name} has no per-address limit (sourceCIDR Distinct)`);
    if (!required) continue;
    const claims = (jwt.providers ?? []).flatMap((p) => p.claimToHeaders ?? []);
    const subject = claims.find((c) => c.claim === "sub")?.header;
    const perUser = (c) => (c.headers ?? []).some((h) => h.type === "Distinct" && sameName(h.name, subject));
    if (!subject) say(`SecurityPolicy ${security.metadata?.name} writes no header from the token's sub (per-user limit)`);
    else if (!selectors.some(perUser))
      say(`BackendTrafficPolicy ${traffic.metadata?.name} has no per-user limit (header ${subject}, Distinct)`);
  }

  // The NetworkPolicy for the gateway's proxies, where NetworkPolicies are rendered: exactly the
  // routed services, port 9080 only.
  if (routes.size && of("NetworkPolicy").length) {
    const say = (m) => problems.push([key("NetworkPolicy", "edge-gateway"), m]);
    const policy = named("NetworkPolicy").get("edge-gateway");
    if (!policy) say("missing: the gateway's proxies cannot reach the routed services");
    const names = (policy?.spec?.podSelector?.matchExpressions ?? []).find(
      (e) => e.key === "app.kubernetes.io/name" && e.operator === "In",
    );
    const admitted = new Set(names?.values ?? []);
    const routed = new Set([...forwarding.values()].flatMap((s) => [...s]));
    const missing = [...routed].filter((s) => !admitted.has(s));
    const extra = [...admitted].filter((s) => !routed.has(s));
    if (policy && missing.length) say(`does not admit the gateway to routed services: ${missing.join(", ")}`);
    if (extra.length) say(`admits the gateway to services no route sends to: ${extra.join(", ")}`);
    const ports = (policy?.spec?.ingress ?? []).flatMap((i) => i.ports ?? []);
    if (policy && (!ports.length || ports.some((p) => p.port !== 9080))) say("must admit port 9080 only");
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

let failed = 0;
for (const file of process.argv.slice(2)) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  const objects = [];
  const lines = [];
  for (const doc of docs) {
    if (doc.errors.length) {
      lines.push(`  YAML: ${doc.errors[0].message.split("\n")[0]}`);
      continue;
    }
    const obj = doc.toJS();
    if (obj == null) continue;
    objects.push(obj);
    const name = `${obj.kind}/${obj.metadata?.name}`;
    for (const p of [...(await schemaProblems(obj)), ...ruleProblems(obj)]) lines.push(`  ${name}: ${p}`);
  }
  for (const [name, p] of edgeProblems(objects)) lines.push(`  ${name}: ${p}`);
  for (const [name, p] of await monitoringProblems(objects)) lines.push(`  ${name}: ${p}`);
  for (const [name, p] of (await import("./checks/environments.mjs")).environmentProblems(basename(file), objects)) lines.push(`  ${name}: ${p}`);
  for (const [name, p] of await (await import("./checks/gitops.mjs")).gitopsProblems(basename(file), objects)) lines.push(`  ${name}: ${p}`);
  for (const [name, p] of (await import("./checks/data-tier.mjs")).problems(objects, basename(file))) lines.push(`  ${name}: ${p}`);
  for (const [name, p] of (await import("./checks/tracing.mjs")).tracingProblems(basename(file), objects)) lines.push(`  ${name}: ${p}`);
  if (lines.length) {
    failed++;
    console.log(`FAIL ${basename(file)}: ${objects.length} objects, ${lines.length} problems`);
    lines.forEach((l) => console.log(l));
  } else {
    console.log(`ok   ${basename(file)}: ${objects.length} objects valid`);
  }
}
process.exit(failed ? 1 : 0);
