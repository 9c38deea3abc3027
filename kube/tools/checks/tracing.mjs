// Offline checks of tracing (kube/tracing, kube/README.md "Tracing"), on every overlay's
// rendering (overlays-<env>.yaml):
//  - the OpenTelemetry Collector (Deployment otel-collector) and the trace back end (StatefulSet
//    jaeger) exist, each under a PodDisruptionBudget and behind its Service; the collector reads
//    the configuration it mounts, receives OTLP on 4317 (gRPC) and 4318 (HTTP), runs
//    memory_limiter first and batch, exports over OTLP to the back end's Service and port, has
//    the health_check its probes call and a Prometheus port; outside local development at least
//    two collectors; one back-end pod (Badger has a single writer) with its store on a volume
//    claim within the LimitRange; Jaeger's UI on the loopback address, in no Service and no
//    route; outside local development both images pinned by digest;
//  - platform-config: the services' OpenTelemetry settings (SDK on, OTLP http/protobuf to the
//    collector's Service and OTLP/HTTP port, metrics and logs not exported, parent-based ratio
//    sampling with a ratio between 0 and 1), read by every service, and no OTEL_SERVICE_NAME
//    (each image names itself);
//  - the rendered NetworkPolicies: every service's pods reach the collector on 4318 and 4317
//    (and DNS), the collector reaches the back end, Prometheus (namespace monitoring) reaches
//    both metrics ports; nothing else reaches the collector's or the back end's ports, no one
//    the UI's port, and neither of them reaches anything else;
//  - a PodMonitor or ServiceMonitor scrapes both on their metrics port;
//  - the GitOps sync waves (kube/gitops/sync-waves): tracing starts after its ConfigMaps and
//    before the services.
// Called by validate.mjs with the rendering's file name and its objects; returns [object,
// problem] pairs. The base is not an environment: it is skipped.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { allows } from "./environments.mjs";
import { require } from "./models.mjs";

const { parse } = require("yaml");
const here = dirname(fileURLToPath(import.meta.url));

const NAMESPACE = "opencommerce";
const COLLECTOR = "otel-collector";
const BACKEND = "jaeger";
const NAME = "app.kubernetes.io/name";
const COMPONENT = "app.kubernetes.io/component";
const OTLP_GRPC = 4317;
const OTLP_HTTP = 4318;
const UI = 16686;
// What platform-config must say (OTEL_EXPORTER_OTLP_ENDPOINT and the sampler's ratio are
// checked against the rendering).
const SETTINGS = {
  OTEL_SDK_DISABLED: "false",
  OTEL_TRACES_EXPORTER: "otlp",
  OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
  OTEL_METRICS_EXPORTER: "none",
  OTEL_LOGS_EXPORTER: "none",
  OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
};
const OTLP_EXPORTERS = ["otlp", "otlp_grpc"]; // the collector's OTLP/gRPC exporter, old and new name
const DIGEST = /@sha256:[0-9a-f]{64}$/;

function selects(selector, labels = {}) {
  if (!selector) return false;
  const exprs = selector.matchExpressions ?? [];
  if (!Object.keys(selector.matchLabels ?? {}).length && !exprs.length) return true;
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
    exprs.every((e) => {
      const has = Object.hasOwn(labels, e.key);
      if (e.operator === "In") return has && e.values.includes(labels[e.key]);
      if (e.operator === "NotIn") return !has || !e.values.includes(labels[e.key]);
      if (e.operator === "Exists") return has;
      return !has;
    });
}
const podLabels = (o) => (o.kind === "CronJob" ? o.spec?.jobTemplate?.spec?.template : o.spec?.template)?.metadata?.labels ?? {};
const podSpec = (o) => (o.kind === "CronJob" ? o.spec?.jobTemplate?.spec?.template?.spec : o.spec?.template?.spec);
const pod = (o) => ({ ns: NAMESPACE, labels: podLabels(o) });
// "0.0.0.0:4317", "jaeger:4317", "http://otel-collector:4318", "dns:///jaeger:4317" -> {host, port}.
function hostPort(endpoint) {
  const m = /^(?:[a-z]+:\/\/\/?)?\[?([^\]/]*?)\]?:(\d+)(?:\/.*)?$/.exec(String(endpoint ?? "").trim());
  return m ? { host: m[1], port: Number(m[2]) } : undefined;
}
// The container port a Service port leads to (targetPort by name or number).
function targetPort(servicePort, container) {
  const t = servicePort.targetPort ?? servicePort.port;
  if (typeof t === "number") return t;
  return (container?.ports ?? []).find((p) => p.name === t)?.containerPort;
}

// The YAML configuration a container reads with --config[=file:]PATH from a mounted ConfigMap.
function mountedConfig(workload, container, configMaps, say) {
  const arg = [...(container.command ?? []), ...(container.args ?? [])].join(" ");
  const path = /--config[= ](?:file:)?(\S+)/.exec(arg)?.[1];
  if (!path) return say("no --config argument"), undefined;
  const mount = (container.volumeMounts ?? []).find((m) => path.startsWith(`${m.mountPath}/`));
  const volume = (podSpec(workload).volumes ?? []).find((v) => v.name === mount?.name);
  const configMap = volume?.configMap && configMaps.get(volume.configMap.name);
  const text = configMap?.data?.[path.slice(mount?.mountPath.length + 1)];
  if (!text) return say(`--config ${path} is not a key of a ConfigMap mounted there`), undefined;
  try {
    return parse(text);
  } catch (e) {
    return say(`${path}: not YAML (${e.message.split("\n")[0]})`), undefined;
  }
}

// The Prometheus port of a collector's own telemetry (service.telemetry.metrics.readers).
const metricsPort = (config) =>
  (config?.service?.telemetry?.metrics?.readers ?? []).map((r) => r.pull?.exporter?.prometheus?.port).find(Boolean);

// The sync wave kube/gitops/sync-waves gives an object: its patches in order, the last that
// matches wins (kind and name are anchored regular expressions; labelSelector k=v, k!=v,
// k in (a,b)).
let wavePatches;
function waveOf(o) {
  wavePatches ??= (parse(readFileSync(join(here, "..", "..", "gitops", "sync-waves", "kustomization.yaml"), "utf8")).patches ?? [])
    .map((p) => ({ target: p.target ?? {}, wave: parse(p.patch ?? "")?.metadata?.annotations?.["argocd.argoproj.io/sync-wave"] }))
    .filter((p) => p.wave !== undefined);
  const labels = o.metadata?.labels ?? {};
  const group = String(o.apiVersion).includes("/") ? String(o.apiVersion).split("/")[0] : "";
  const term = (t) => {
    const inList = /^\s*([\w./-]+)\s+in\s+\(([^)]*)\)\s*$/.exec(t);
    if (inList) return inList[2].split(",").map((v) => v.trim()).includes(labels[inList[1]]);
    const [, k, op, v] = /^\s*([\w./-]+)\s*(!=|==|=)\s*(\S*)\s*$/.exec(t) ?? [];
    return op === "!=" ? labels[k] !== v : k !== undefined && labels[k] === v;
  };
  let wave;
  for (const { target: t, wave: w } of wavePatches) {
    if (t.kind && !new RegExp(`^(?:${t.kind})$`).test(o.kind)) continue;
    if (t.name && !new RegExp(`^(?:${t.name})$`).test(o.metadata?.name)) continue;
    if (t.group !== undefined && t.group !== group) continue;
    if (t.labelSelector && !t.labelSelector.split(/,(?![^(]*\))/).every(term)) continue;
    wave = Number(w);
  }
  return wave;
}

export function tracingProblems(file, objects) {
  const problems = [];
  const say = (name, message) => problems.push([name, message]);
  if (!/^overlays-/.test(file)) return problems; // kube/base: not an environment
  const of = (kind) => objects.filter((o) => o.kind === kind);
  const named = (kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name);
  const configMaps = new Map(of("ConfigMap").map((c) => [c.metadata.name, c]));
  const platform = [...configMaps.values()].find((c) => /^platform-config(-|$)/.test(c.metadata.name));
  const env = platform?.data ?? {};
  const local = env.PLATFORM_ENVIRONMENT === "local";
  const services = of("Deployment").filter((d) => podLabels(d)[COMPONENT] === "api");
  const policies = of("NetworkPolicy");

  // The two workloads ---------------------------------------------------------------------------
  const collector = named("Deployment", COLLECTOR);
  const backend = named("StatefulSet", BACKEND) ?? named("Deployment", BACKEND);
  if (!collector) say(`Deployment/${COLLECTOR}`, "missing: the services' spans have nowhere to go (kube/tracing)");
  if (!backend) say(`StatefulSet/${BACKEND}`, "missing: no trace back end (kube/tracing)");
  if (!collector || !backend) return problems;
  const collectorId = `Deployment/${COLLECTOR}`;
  const backendId = `${backend.kind}/${BACKEND}`;
  const serviceOf = (w) => of("Service").find((s) => s.spec?.selector && Object.keys(s.spec.selector).length &&
    selects({ matchLabels: s.spec.selector }, podLabels(w)));
  const cContainer = podSpec(collector).containers?.[0] ?? {};
  const bContainer = podSpec(backend).containers?.[0] ?? {};

  for (const w of [collector, backend]) {
    const id = `${w.kind}/${w.metadata.name}`;
    if (!of("PodDisruptionBudget").some((p) => selects(p.spec?.selector, podLabels(w)))) say(id, "no PodDisruptionBudget selects its pods");
    const image = String(podSpec(w).containers?.[0]?.image ?? "");
    if (!local && !DIGEST.test(image)) say(id, `image ${image} is not pinned by digest outside local development (images: of the overlay)`);
  }
  if (!local && (collector.spec?.replicas ?? 1) < 2) say(collectorId, `${collector.spec?.replicas ?? 1} replica(s): at least 2 outside local development`);

  // The collector's pipeline.
  const cSay = (m) => say(collectorId, m);
  const bSay = (m) => say(backendId, m);
  const cConfig = mountedConfig(collector, cContainer, configMaps, cSay);
  const bConfig = mountedConfig(backend, bContainer, configMaps, bSay);
  const bReceiver = hostPort(bConfig?.receivers?.otlp?.protocols?.grpc?.endpoint);
  const collectorService = serviceOf(collector);
  const backendService = serviceOf(backend);
  if (!collectorService) cSay("no Service selects its pods");
  if (!backendService) bSay("no Service selects its pods");
  if (cConfig) {
    const protocols = cConfig.receivers?.otlp?.protocols ?? {};
    if (hostPort(protocols.grpc?.endpoint)?.port !== OTLP_GRPC) cSay(`receiver otlp: no gRPC endpoint on ${OTLP_GRPC}`);
    if (hostPort(protocols.http?.endpoint)?.port !== OTLP_HTTP) cSay(`receiver otlp: no HTTP endpoint on ${OTLP_HTTP}`);
    const pipeline = cConfig.service?.pipelines?.traces ?? {};
    if (!(pipeline.receivers ?? []).includes("otlp")) cSay("the traces pipeline does not receive from otlp");
    const processors = (pipeline.processors ?? []).map((p) => p.split("/")[0]);
    if (processors[0] !== "memory_limiter") cSay("the traces pipeline does not start with memory_limiter");
    if (!processors.includes("batch")) cSay("the traces pipeline has no batch processor");
    const exporters = pipeline.exporters ?? [];
    if (!exporters.length) cSay("the traces pipeline exports nowhere");
    for (const e of exporters) {
      const target = hostPort(cConfig.exporters?.[e]?.endpoint);
      const port = backendService?.spec?.ports?.find((p) => p.port === target?.port);
      if (!OTLP_EXPORTERS.includes(e.split("/")[0])) cSay(`exporter ${e}: not OTLP/gRPC to the back end`);
      else if (target?.host.split(".")[0] !== backendService?.metadata.name || !port)
        cSay(`exporter ${e}: endpoint ${cConfig.exporters?.[e]?.endpoint} is not a port of the back end's Service ${backendService?.metadata.name}`);
      else if (!bReceiver || targetPort(port, bContainer) !== bReceiver.port)
        cSay(`exporter ${e}: Service ${backendService.metadata.name} port ${port.port} does not lead to the back end's OTLP/gRPC receiver`);
    }
    const health = hostPort(cConfig.extensions?.health_check?.endpoint)?.port;
    if (!health || !(cConfig.service?.extensions ?? []).includes("health_check")) cSay("no health_check extension in service.extensions");
    for (const probe of ["livenessProbe", "readinessProbe"]) {
      const p = cContainer[probe]?.httpGet?.port;
      const probed = typeof p === "number" ? p : (cContainer.ports ?? []).find((x) => x.name === p)?.containerPort;
      if (health && probed !== health) cSay(`${probe} does not call the health_check extension (port ${health})`);
    }
    if (!metricsPort(cConfig)) cSay("no Prometheus reader in service.telemetry.metrics");
  }
  if (collectorService) {
    for (const want of [OTLP_GRPC, OTLP_HTTP]) {
      if (!(collectorService.spec?.ports ?? []).some((p) => p.port === want && targetPort(p, cContainer) === want))
        say(`Service/${collectorService.metadata.name}`, `no port ${want} to the collector's ${want}`);
    }
  }

  // The back end: one writer, its store on a claim, its UI on loopback only.
  if (bConfig && bReceiver?.port !== OTLP_GRPC) bSay(`receiver otlp: no gRPC endpoint on ${OTLP_GRPC}`);
  const backends = Object.values(bConfig?.extensions?.jaeger_storage?.backends ?? {});
  const badger = backends.find((b) => b?.badger)?.badger;
  if (bConfig && !badger && !backends.length) bSay("jaeger_storage has no backend");
  if (badger) {
    if ((backend.spec?.replicas ?? 1) !== 1) bSay(`${backend.spec?.replicas} replicas: Badger has a single writer, one pod`);
    if (badger.ephemeral !== false) bSay("badger.ephemeral is not false: spans would not survive a restart");
    const claims = new Set((backend.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name));
    const onClaim = (dir) => (bContainer.volumeMounts ?? []).some((m) => claims.has(m.name) && String(dir).startsWith(`${m.mountPath}/`));
    for (const dir of [badger.directories?.keys, badger.directories?.values])
      if (!onClaim(dir)) bSay(`Badger directory ${dir} is not on a volume claim`);
    const GI = { Mi: 1 / 1024, Gi: 1, Ti: 1024 };
    const gi = (q) => { const m = /^(\d+(?:\.\d+)?)(Mi|Gi|Ti)$/.exec(String(q ?? "")); return m ? m[1] * GI[m[2]] : NaN; };
    for (const t of backend.spec?.volumeClaimTemplates ?? []) {
      const size = gi(t.spec?.resources?.requests?.storage);
      for (const lr of of("LimitRange")) for (const l of lr.spec?.limits ?? [])
        if (l.type === "PersistentVolumeClaim" && size > gi(l.max?.storage))
          bSay(`claim ${t.metadata?.name} of ${t.spec.resources.requests.storage} is above LimitRange ${lr.metadata.name}'s ${l.max.storage}`);
    }
  }
  const query = bConfig?.extensions?.jaeger_query;
  if (query) {
    const ui = hostPort(query.http?.endpoint ?? `:${UI}`);
    if (!["127.0.0.1", "localhost", "::1"].includes(ui?.host)) bSay(`the UI listens on ${query.http?.endpoint ?? `:${UI}`}: only the loopback address (kubectl port-forward)`);
  }
  const uiPort = hostPort(query?.http?.endpoint)?.port ?? UI;
  for (const s of of("Service").filter((s) => selects({ matchLabels: s.spec?.selector ?? { none: "" } }, podLabels(backend)))) {
    if ((s.spec?.ports ?? []).some((p) => p.port === uiPort || targetPort(p, bContainer) === uiPort))
      say(`Service/${s.metadata.name}`, `publishes the trace UI's port ${uiPort}: it is reached with kubectl port-forward only`);
  }
  const tracingServices = new Set([collectorService, backendService].filter(Boolean).map((s) => s.metadata.name));
  for (const r of of("HTTPRoute")) for (const rule of r.spec?.rules ?? []) for (const b of rule.backendRefs ?? [])
    if (tracingServices.has(b.name)) say(`HTTPRoute/${r.metadata.name}`, `routes to ${b.name}: tracing is never routed by the edge`);

  // platform-config -------------------------------------------------------------------------------
  const pSay = (m) => say("ConfigMap/platform-config", m);
  if (!platform) pSay("missing");
  for (const [key, value] of Object.entries(SETTINGS)) if (env[key] !== value) pSay(`${key}=${env[key] ?? ""}, expected ${value}`);
  const endpoint = /^http:\/\/([a-z0-9-]+)(?:\.[a-z0-9.-]+)?:(\d+)\/?$/.exec(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? "");
  const httpPort = collectorService?.spec?.ports?.find((p) => p.port === Number(endpoint?.[2]));
  if (!endpoint || endpoint[1] !== collectorService?.metadata.name)
    pSay(`OTEL_EXPORTER_OTLP_ENDPOINT=${env.OTEL_EXPORTER_OTLP_ENDPOINT ?? ""} does not name the collector's Service (http://${collectorService?.metadata.name ?? COLLECTOR}:${OTLP_HTTP})`);
  else if (!httpPort || targetPort(httpPort, cContainer) !== (hostPort(cConfig?.receivers?.otlp?.protocols?.http?.endpoint)?.port ?? OTLP_HTTP))
    pSay(`OTEL_EXPORTER_OTLP_ENDPOINT=${env.OTEL_EXPORTER_OTLP_ENDPOINT}: port ${endpoint[2]} does not lead to the collector's OTLP/HTTP receiver`);
  const ratio = Number(env.OTEL_TRACES_SAMPLER_ARG);
  if (!(ratio > 0 && ratio <= 1)) pSay(`OTEL_TRACES_SAMPLER_ARG=${env.OTEL_TRACES_SAMPLER_ARG ?? ""}: the overlay sets a ratio in (0, 1]`);
  if (env.OTEL_SERVICE_NAME !== undefined) pSay("sets OTEL_SERVICE_NAME: each image names its own service");
  for (const d of services) {
    const c = podSpec(d).containers?.[0] ?? {};
    if (!(c.envFrom ?? []).some((f) => f.configMapRef?.name === platform?.metadata.name))
      say(`Deployment/${d.metadata.name}`, "does not read platform-config: its OpenTelemetry settings are missing");
    if ((c.env ?? []).some((e) => e.name === "OTEL_SERVICE_NAME")) say(`Deployment/${d.metadata.name}`, "sets OTEL_SERVICE_NAME: its image names the service");
  }

  // NetworkPolicies -------------------------------------------------------------------------------
  if (policies.length) {
    const c = pod(collector);
    const b = pod(backend);
    const dns = { ns: "kube-system", labels: { "k8s-app": "kube-dns" } };
    const prometheus = { ns: "monitoring", labels: {} };
    const cMetrics = metricsPort(cConfig) ?? 8888;
    const bMetrics = metricsPort(bConfig) ?? 8888;
    for (const s of services) {
      const where = `Deployment/${s.metadata.name}`;
      for (const port of [OTLP_HTTP, OTLP_GRPC])
        if (!allows(policies, pod(s), c, port)) say(where, `cannot reach the collector (${COLLECTOR}) on ${port}`);
      if (allows(policies, pod(s), b, OTLP_GRPC)) say(where, `may reach the trace back end (${BACKEND}) directly on ${OTLP_GRPC}`);
    }
    if (!allows(policies, c, dns, 53, "UDP")) cSay("cannot resolve names (DNS, UDP 53 to kube-dns)");
    if (!allows(policies, c, b, OTLP_GRPC)) cSay(`cannot reach the back end (${BACKEND}) on ${OTLP_GRPC}`);
    if (!allows(policies, prometheus, c, cMetrics)) cSay(`Prometheus (namespace monitoring) cannot scrape ${cMetrics}`);
    if (!allows(policies, prometheus, b, bMetrics)) bSay(`Prometheus (namespace monitoring) cannot scrape ${bMetrics}`);
    // Nothing else in: every other pod of the rendering, the gateway's proxies, another namespace,
    // an address outside the cluster.
    const others = [
      ...objects.filter((o) => podSpec(o) && o !== collector && o !== backend && !services.includes(o))
        .map((o) => [`${o.kind}/${o.metadata.name}`, pod(o)]),
      ["the gateway's proxies", { ns: "envoy-gateway-system", labels: { "gateway.envoyproxy.io/owning-gateway-name": "opencommerce" } }],
      ["a pod of another namespace", { ns: "default", labels: {} }],
      ["an address outside the cluster", { ip: true }],
    ];
    for (const [who, src] of others) {
      for (const port of [OTLP_GRPC, OTLP_HTTP]) if (allows(policies, src, c, port)) cSay(`admits ${who} on ${port}`);
      if (allows(policies, src, b, OTLP_GRPC)) bSay(`admits ${who} on ${OTLP_GRPC}`);
    }
    for (const [who, src] of [...others, ["a service", services[0] && pod(services[0])], ["Prometheus", prometheus], ["the collector", c]])
      if (src && allows(policies, src, b, uiPort)) bSay(`admits ${who} to the UI's port ${uiPort}: kubectl port-forward only`);
    // Nothing else out: the collector to the back end only, the back end nowhere (DNS aside).
    const targets = [
      ...objects.filter((o) => podSpec(o) && o !== backend && o !== collector).map((o) => [`${o.kind}/${o.metadata.name}`, pod(o)]),
      ["an address outside the cluster", { ip: true }],
    ];
    const PORTS = [80, 443, 3306, 5672, 6379, 9000, 9080, OTLP_GRPC, OTLP_HTTP];
    for (const [who, dst] of targets) {
      const port = PORTS.find((p) => allows(policies, c, dst, p));
      if (port) cSay(`may reach ${who} on ${port}: only the back end`);
    }
    for (const [who, dst] of [...targets, ["the collector", c]]) {
      const port = PORTS.find((p) => allows(policies, b, dst, p));
      if (port) bSay(`may reach ${who} on ${port}: it opens no connection`);
    }
  }

  // Scraped ---------------------------------------------------------------------------------------
  const backsPod = (s, w) => Object.keys(s.spec?.selector ?? {}).length && selects({ matchLabels: s.spec.selector }, podLabels(w));
  for (const [w, config] of [[collector, cConfig], [backend, bConfig]]) {
    const id = `${w.kind}/${w.metadata.name}`;
    const port = (podSpec(w).containers?.[0]?.ports ?? []).find((p) => p.containerPort === metricsPort(config));
    if (!port?.name) {
      say(id, "its Prometheus port (service.telemetry.metrics) is not a named container port");
      continue;
    }
    const byPod = of("PodMonitor").some((m) => selects(m.spec?.selector, podLabels(w)) &&
      (m.spec?.podMetricsEndpoints ?? []).some((e) => e.port === port.name));
    const byService = of("ServiceMonitor").some((m) => of("Service").some((s) => backsPod(s, w) &&
      selects(m.spec?.selector, s.metadata?.labels) &&
      (m.spec?.endpoints ?? []).some((e) => (s.spec?.ports ?? []).some((p) => p.name === e.port && targetPort(p, podSpec(w).containers[0]) === port.containerPort))));
    if (!byPod && !byService) say(id, "no PodMonitor or ServiceMonitor scrapes its metrics port");
  }

  // Sync waves ------------------------------------------------------------------------------------
  const apiWave = Math.min(...services.map(waveOf).filter(Number.isFinite));
  for (const w of [collector, backend]) {
    const wave = waveOf(w);
    const config = (podSpec(w).volumes ?? []).map((v) => v.configMap && configMaps.get(v.configMap.name)).filter(Boolean);
    if (!(wave < apiWave)) say(`${w.kind}/${w.metadata.name}`, `sync wave ${wave} is not before the services' (${apiWave}): kube/gitops/sync-waves`);
    for (const cm of config)
      if (!(waveOf(cm) < wave)) say(`ConfigMap/${cm.metadata.name}`, `sync wave ${waveOf(cm)} is not before ${w.metadata.name}'s (${wave})`);
  }
  return problems;
}
