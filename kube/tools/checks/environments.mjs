// Environment rules, across the objects of one overlay's rendering (kube/README.md, "Environments,
// scaling and network policies"):
//  - the table: replicas per service (dev 1, staging 2, prod 3-10 by a HorizontalPodAutoscaler on
//    CPU), CPU and memory requests and limits per service;
//  - the JVM follows the container: heap as MaxRAMPercentage of the memory limit (no -Xmx), with
//    room left outside the heap;
//  - a warm start: where an emptyDir is mounted over Liberty's output directory (read-only root
//    filesystem), an init container of the same image copies the image's output directory (the
//    workarea and class cache configure.sh prepared) into it;
//  - no replicas: on a Deployment an HPA manages; every Deployment under a PodDisruptionBudget;
//  - a ResourceQuota that holds the platform at its peak (most replicas plus the rollout surge)
//    and a LimitRange whose maximum admits every container; in dev and staging the scheduled
//    scale-down, whose service account may scale this namespace's Deployments and nothing else;
//  - NetworkPolicies: a default deny of ingress and egress, DNS, every Deployment under a policy of
//    its own; every connection a service's configuration names (its database, Redis, RabbitMQ,
//    object storage, the services it calls, the SMTP relay) allowed at both ends, Prometheus let
//    in, and no service reaching another service or database its configuration does not name;
//  - no image on the tag "latest" (or on no tag).
// Called by validate.mjs with the rendering's file name (base.yaml, overlays-<env>.yaml) and its
// objects; returns [object, problem] pairs. The base is not an environment: it is skipped.

const TABLE = {
  dev: { replicas: 1, cpu: [100, 100], memory: [256, 256] },
  staging: { replicas: 2, cpu: [250, 250], memory: [512, 512] },
  prod: { hpa: [3, 10], cpu: [250, 1000], memory: [512, 2048] },
};
// "~256 Mi": in dev and staging a memory limit up to this many times the request.
const APPROX_LIMIT = 1.5;
const MAX_CPU_LIMIT = 1000; // millicores, every environment: the table's largest figure
const NON_HEAP_MIB = 192; // a Liberty server's JIT, class metadata, threads and buffers
const OUTPUT_DIR = "/opt/ol/wlp/output"; // WLP_OUTPUT_DIR of the Open Liberty images
const NAMESPACE = "opencommerce";
const SCALE_VERBS = new Set(["get", "list", "watch", "patch", "update"]);
const SCALE_RESOURCES = new Set(["deployments", "deployments/scale"]);
// Hosts of the backing services (kube/backing) -> their pods' name label.
const BACKING = [
  [/^rabbitmq(-\d+)?$/, "rabbitmq"],
  [/^redis$/, "redis"],
  [/^minio$/, "minio"],
];

const NAME = "app.kubernetes.io/name";
const COMPONENT = "app.kubernetes.io/component";

// Millicores from "250m", "1", "0.5"; MiB from "512Mi", "2Gi", "1Ti", "1024Ki", bytes.
export function millicores(q) {
  if (q === undefined || q === null) return undefined;
  const s = String(q);
  return s.endsWith("m") ? Number(s.slice(0, -1)) : Number(s) * 1000;
}
export function mebibytes(q) {
  if (q === undefined || q === null) return undefined;
  const m = /^([0-9.]+)([KMGT]i?|[kMGT]?)$/.exec(String(q));
  if (!m) return NaN;
  const f = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024, k: 1e3 / 2 ** 20, M: 1e6 / 2 ** 20,
    G: 1e9 / 2 ** 20, T: 1e12 / 2 ** 20, "": 1 / 2 ** 20 }[m[2]];
  return Number(m[1]) * f;
}

const podSpec = (o) =>
  o.kind === "CronJob" ? o.spec?.jobTemplate?.spec?.template?.spec : o.spec?.template?.spec;
const podLabels = (o) =>
  (o.kind === "CronJob" ? o.spec?.jobTemplate?.spec?.template : o.spec?.template)?.metadata?.labels ?? {};
const isService = (o) => o.kind === "Deployment" && podLabels(o)[COMPONENT] === "api";

function selects(selector, labels) {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    if (e.operator === "In" && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}
const isEmptySelector = (s) => !s || (!Object.keys(s.matchLabels ?? {}).length && !(s.matchExpressions ?? []).length);

// ---------------------------------------------------------------------------------------------
// NetworkPolicy evaluation. An endpoint: { ns, labels } for a pod, { ip: true } outside the cluster.

function peerMatches(peer, policyNs, ep) {
  if (peer.ipBlock) {
    // Pod addresses count only for a block that spans every address.
    return ep.ip === true || ["0.0.0.0/0", "::/0"].includes(peer.ipBlock.cidr);
  }
  if (ep.ip) return false;
  const nsOk = peer.namespaceSelector
    ? selects(peer.namespaceSelector, { "kubernetes.io/metadata.name": ep.ns })
    : ep.ns === policyNs;
  const podOk = peer.podSelector ? selects(peer.podSelector, ep.labels) : true;
  return nsOk && podOk;
}
const portMatches = (ports, port, protocol) =>
  !ports?.length || ports.some((p) => (p.protocol ?? "TCP") === protocol && (p.port === undefined || p.port === port));

// Whether the policies of one side let the connection through (no policy of that direction
// selecting the pod: open).
function sideAllows(policies, direction, self, peer, port, protocol) {
  const mine = policies.filter(
    (p) => (p.metadata?.namespace ?? NAMESPACE) === self.ns && selects(p.spec?.podSelector ?? {}, self.labels) &&
      (p.spec?.policyTypes ?? ["Ingress"]).includes(direction),
  );
  if (!mine.length) return true;
  const key = direction === "Ingress" ? "from" : "to";
  return mine.some((p) =>
    (p.spec?.[direction.toLowerCase()] ?? []).some(
      (rule) =>
        portMatches(rule.ports, port, protocol) &&
        (!rule[key]?.length || rule[key].some((peerSel) => peerMatches(peerSel, p.metadata?.namespace ?? NAMESPACE, peer))),
    ),
  );
}
export function allows(policies, src, dst, port, protocol = "TCP") {
  const egress = src.ip ? true : sideAllows(policies, "Egress", src, dst, port, protocol);
  // Only this namespace's policies are rendered: another namespace's ingress is not ours to judge.
  const ingress = dst.ip || dst.ns !== NAMESPACE ? true : sideAllows(policies, "Ingress", dst, src, port, protocol);
  return egress && ingress;
}

// The connections a service's configuration names: [{ what, dst, port }].
function configuredConnections(deployment, configMaps, workloads) {
  const env = {};
  const container = podSpec(deployment)?.containers?.[0] ?? {};
  for (const from of container.envFrom ?? []) {
    const cm = from.configMapRef && configMaps.get(from.configMapRef.name);
    Object.assign(env, cm?.data ?? {});
  }
  for (const e of container.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  const out = [];
  const hostPort = (key, text) => {
    for (const part of String(text).split(",")) {
      const m = /^(?:[a-z:]+\/\/)?([a-z0-9.-]+)(?::(\d+))?/.exec(part.trim().replace(/^jdbc:/, ""));
      if (!m) continue;
      const scheme = /^(?:jdbc:)?([a-z]+):/.exec(part.trim())?.[1];
      const port = Number(m[2] ?? { http: 80, https: 443, mysql: 3306, redis: 6379, rediss: 6379 }[scheme] ?? 5672);
      out.push({ key, host: m[1], port });
    }
  };
  for (const [key, value] of Object.entries(env)) {
    if (/(_URL|_URI|_ENDPOINT|_ADDRESSES)$/.test(key) && /^[a-z:/]*[a-z0-9-]+[.:/]|^[a-z0-9-]+(\.[a-z0-9-]+)*:\d+/.test(value))
      hostPort(key, value);
  }
  const conns = [];
  for (const { key, host, port } of out) {
    const first = host.split(".")[0];
    const backing = BACKING.find(([re]) => re.test(first))?.[1];
    const workload = workloads.get(first);
    if (backing) conns.push({ what: `${key} (${host})`, dst: { ns: NAMESPACE, labels: { [NAME]: backing } }, port });
    else if (workload) conns.push({ what: `${key} (${host})`, dst: { ns: NAMESPACE, labels: podLabels(workload) }, port, workload: first });
    // Other hosts (the JWT issuer, public links) are not connections inside the cluster.
  }
  if (env.MAIL_SMTP_HOST) conns.push({ what: `MAIL_SMTP_HOST (${env.MAIL_SMTP_HOST})`, dst: { ip: true }, port: Number(env.MAIL_SMTP_PORT ?? 587) });
  return conns;
}

function networkProblems(objects, say) {
  const policies = objects.filter((o) => o.kind === "NetworkPolicy");
  if (!policies.length) return say("NetworkPolicy", "none rendered: every environment denies by default (components/network-policies)");
  const deny = policies.find(
    (p) => isEmptySelector(p.spec?.podSelector) && ["Ingress", "Egress"].every((t) => (p.spec?.policyTypes ?? []).includes(t)) &&
      !(p.spec?.ingress ?? []).length && !(p.spec?.egress ?? []).length,
  );
  if (!deny) say("NetworkPolicy", "no default deny of both ingress and egress (podSelector {}, no rules)");
  const workloads = new Map(objects.filter((o) => ["Deployment", "StatefulSet"].includes(o.kind)).map((o) => [o.metadata.name, o]));
  const configMaps = new Map(objects.filter((o) => o.kind === "ConfigMap").map((o) => [o.metadata.name, o]));
  const services = objects.filter(isService);
  const dns = { ns: "kube-system", labels: { "k8s-app": "kube-dns" } };
  const prometheus = { ns: "monitoring", labels: {} };
  for (const d of objects.filter((o) => o.kind === "Deployment")) {
    const labels = podLabels(d);
    const own = policies.filter((p) => !isEmptySelector(p.spec?.podSelector) && selects(p.spec.podSelector, labels));
    if (!own.length) say(`Deployment/${d.metadata.name}`, "no NetworkPolicy of its own selects its pods");
  }
  for (const svc of services) {
    const name = svc.metadata.name;
    const src = { ns: NAMESPACE, labels: podLabels(svc) };
    const where = `Deployment/${name}`;
    if (!allows(policies, src, dns, 53, "UDP")) say(where, "cannot resolve names (DNS, UDP 53 to kube-dns)");
    if (!allows(policies, prometheus, src, 9080)) say(where, "Prometheus (namespace monitoring) cannot reach /metrics on 9080");
    const conns = configuredConnections(svc, configMaps, workloads);
    // A service's own address (auth's key set, websites' registry) is its own pod: not judged.
    for (const c of conns.filter((c) => c.workload !== name)) {
      if (!allows(policies, src, c.dst, c.port)) say(where, `cannot reach ${c.what} on port ${c.port}`);
    }
    // Least privilege: no other service or database than those its configuration names.
    const named = new Set(conns.filter((c) => c.workload).map((c) => c.workload));
    for (const [other, w] of workloads) {
      if (named.has(other) || other === name) continue;
      const port = w.kind === "StatefulSet" ? 3306 : 9080;
      if (allows(policies, src, { ns: NAMESPACE, labels: podLabels(w) }, port))
        say(where, `may reach ${other} on ${port}, which its configuration does not name`);
    }
  }
}

// ---------------------------------------------------------------------------------------------

function containersOf(o) {
  const pod = podSpec(o);
  return pod ? [...(pod.initContainers ?? []), ...(pod.containers ?? [])] : [];
}

export function environmentProblems(file, objects) {
  const problems = [];
  const say = (name, message) => problems.push([name, message]);
  const env = /^overlays-(.+)\.yaml$/.exec(file)?.[1];
  if (!env) return problems; // kube/base: not an environment
  const row = TABLE[env];
  const of = (kind) => objects.filter((o) => o.kind === kind);
  const hpas = new Map(of("HorizontalPodAutoscaler").map((h) => [h.spec?.scaleTargetRef?.name, h]));

  // No image on "latest", or on no tag at all.
  for (const o of objects) {
    for (const c of containersOf(o)) {
      const image = String(c.image ?? "");
      const tag = /@sha256:/.test(image) ? "digest" : /:([^/:]+)$/.exec(image)?.[1];
      if (!tag || tag === "latest") say(`${o.kind}/${o.metadata.name}`, `container ${c.name}: image ${image} has no pinned tag`);
    }
  }

  // Replicas, HPAs, PDBs.
  const pdbs = of("PodDisruptionBudget");
  for (const d of of("Deployment")) {
    const where = `Deployment/${d.metadata.name}`;
    const hpa = hpas.get(d.metadata.name);
    if (hpa && d.spec?.replicas !== undefined) say(where, `replicas: ${d.spec.replicas} fights HorizontalPodAutoscaler/${hpa.metadata.name}`);
    if (!pdbs.some((p) => selects(p.spec?.selector, podLabels(d)))) say(where, "no PodDisruptionBudget selects its pods");
  }
  for (const svc of of("Deployment").filter(isService)) {
    const where = `Deployment/${svc.metadata.name}`;
    const hpa = hpas.get(svc.metadata.name);
    if (row?.hpa) {
      if (!hpa) say(where, `no HorizontalPodAutoscaler (${env}: ${row.hpa.join("-")} replicas)`);
      else {
        if (hpa.spec?.minReplicas !== row.hpa[0] || hpa.spec?.maxReplicas !== row.hpa[1])
          say(`HorizontalPodAutoscaler/${hpa.metadata.name}`, `${hpa.spec?.minReplicas}-${hpa.spec?.maxReplicas} replicas, the table says ${row.hpa.join("-")}`);
        if (!(hpa.spec?.metrics ?? []).some((m) => m.type === "Resource" && m.resource?.name === "cpu"))
          say(`HorizontalPodAutoscaler/${hpa.metadata.name}`, "does not scale on CPU");
      }
    } else if (row) {
      if (hpa) say(where, `HorizontalPodAutoscaler in ${env}, where the table says ${row.replicas} replicas`);
      if ((d => d.spec?.replicas ?? 1)(svc) !== row.replicas) say(where, `${svc.spec?.replicas ?? 1} replicas, the table says ${row.replicas} in ${env}`);
    }

    // Resources and the JVM.
    const c = podSpec(svc).containers[0];
    const { requests = {}, limits = {} } = c.resources ?? {};
    const [rc, rm, lc, lm] = [millicores(requests.cpu), mebibytes(requests.memory), millicores(limits.cpu), mebibytes(limits.memory)];
    if (row) {
      if (rc !== row.cpu[0]) say(where, `CPU request ${requests.cpu}, the table says ${row.cpu[0]}m in ${env}`);
      if (rm !== row.memory[0]) say(where, `memory request ${requests.memory}, the table says ${row.memory[0]}Mi in ${env}`);
      const maxMemory = row.memory[1] > row.memory[0] ? row.memory[1] : row.memory[0] * APPROX_LIMIT;
      if (!(lm >= rm && lm <= maxMemory)) say(where, `memory limit ${limits.memory} outside ${row.memory[0]}Mi-${maxMemory}Mi (${env})`);
      if (!(lc >= rc && lc <= Math.max(row.cpu[1], MAX_CPU_LIMIT))) say(where, `CPU limit ${limits.cpu} outside ${row.cpu[0]}m-${MAX_CPU_LIMIT}m`);
    }
    const jvm = (c.env ?? []).find((e) => e.name === "JAVA_TOOL_OPTIONS")?.value ?? "";
    const pct = Number(/-XX:MaxRAMPercentage=([0-9.]+)/.exec(jvm)?.[1]);
    if (/-Xmx|-Xms|-XX:MaxHeapSize/.test(jvm)) say(where, `JAVA_TOOL_OPTIONS sets the heap in absolute terms (${jvm}): use MaxRAMPercentage`);
    if (!pct) say(where, "JAVA_TOOL_OPTIONS sets no -XX:MaxRAMPercentage: the heap would not follow the container");
    else if (lm * (1 - pct / 100) < NON_HEAP_MIB)
      say(where, `heap ${pct} % of ${limits.memory} leaves ${Math.round(lm * (1 - pct / 100))} MiB outside it (needs ${NON_HEAP_MIB})`);

    // A warm start: what the image prepared in its output directory reaches the emptyDir over it.
    const output = (c.volumeMounts ?? []).find((m) => m.mountPath === OUTPUT_DIR);
    const outputVolume = (podSpec(svc).volumes ?? []).find((v) => v.name === output?.name);
    const seeds = (i) => i.image === c.image &&
      (i.volumeMounts ?? []).some((m) => m.name === output.name && m.mountPath !== OUTPUT_DIR && !m.readOnly) &&
      new RegExp(`\\bcp\\b[^|;&]*${OUTPUT_DIR}/?\\.? `).test([...(i.command ?? []), ...(i.args ?? [])].join(" "));
    if (outputVolume?.emptyDir && !(podSpec(svc).initContainers ?? []).some(seeds))
      say(where, `the emptyDir ${output.name} over ${OUTPUT_DIR} hides the workarea and class cache the image prepared: an init container of the same image (${c.image}) must copy ${OUTPUT_DIR} into it`);
  }

  if (!row) return problems; // an environment outside the table: the general rules only

  // Quota and limits: the platform at its peak fits.
  const quota = of("ResourceQuota")[0];
  const limitRange = of("LimitRange")[0];
  if (!quota) say("ResourceQuota", `none in ${env}`);
  if (!limitRange) say("LimitRange", `none in ${env}`);
  // Every pod at once: services at their most replicas plus the rollout surge, StatefulSets and
  // RabbitMQ's nodes, one pod per Job and CronJob; a container without a figure gets the
  // LimitRange's default, as the API server would give it.
  const containerLimits = (limitRange?.spec?.limits ?? []).find((l) => l.type === "Container") ?? {};
  const peak = { "requests.cpu": 0, "requests.memory": 0, "limits.cpu": 0, "limits.memory": 0, pods: 0 };
  for (const o of objects) {
    if (!["Deployment", "StatefulSet", "CronJob", "Job", "RabbitmqCluster"].includes(o.kind)) continue;
    const hpa = o.kind === "Deployment" && hpas.get(o.metadata.name);
    let pods = ["CronJob", "Job"].includes(o.kind) ? 1 : hpa ? hpa.spec.maxReplicas : o.spec?.replicas ?? 1;
    if (o.kind === "Deployment") {
      const surge = o.spec?.strategy?.rollingUpdate?.maxSurge ?? "25%";
      pods += typeof surge === "number" ? surge : Math.ceil((parseFloat(surge) / 100) * pods);
    }
    peak.pods += pods;
    const containers = o.kind === "RabbitmqCluster"
      ? [{ name: "rabbitmq", resources: o.spec?.resources }]
      : podSpec(o).containers ?? [];
    for (const c of containers) {
      const r = c.resources ?? {};
      const requests = { ...containerLimits.defaultRequest, ...r.requests };
      const limits = { ...containerLimits.default, ...r.limits };
      // Kubernetes: a container with a limit but no request asks for its limit.
      for (const k of ["cpu", "memory"]) if (r.limits?.[k] && !r.requests?.[k]) requests[k] = r.limits[k];
      peak["requests.cpu"] += pods * (millicores(requests.cpu) ?? 0);
      peak["requests.memory"] += pods * (mebibytes(requests.memory) ?? 0);
      peak["limits.cpu"] += pods * (millicores(limits.cpu) ?? 0);
      peak["limits.memory"] += pods * (mebibytes(limits.memory) ?? 0);
      const max = containerLimits.max ?? {};
      if (millicores(limits.cpu) > millicores(max.cpu) || mebibytes(limits.memory) > mebibytes(max.memory))
        say(`${o.kind}/${o.metadata.name}`, `container ${c.name}: limits above LimitRange ${limitRange.metadata.name}'s max`);
    }
  }
  const gib = (mi) => Math.round((mi / 1024) * 10) / 10;
  const cpus = (m) => Math.round(m / 100) / 10;
  console.log(`info ${env} at its peak: ${peak.pods} pods, requests ${cpus(peak["requests.cpu"])} CPU / ${gib(peak["requests.memory"])} GiB, limits ${cpus(peak["limits.cpu"])} CPU / ${gib(peak["limits.memory"])} GiB` +
    (quota ? ` (quota: ${quota.spec?.hard?.pods} pods, ${quota.spec?.hard?.["requests.cpu"]} CPU / ${quota.spec?.hard?.["requests.memory"]}, limits ${quota.spec?.hard?.["limits.cpu"]} CPU / ${quota.spec?.hard?.["limits.memory"]})` : ""));
  if (quota) {
    for (const [key, need] of Object.entries(peak)) {
      const hard = quota.spec?.hard?.[key];
      const have = key.endsWith("cpu") ? millicores(hard) : key.endsWith("memory") ? mebibytes(hard) : Number(hard);
      if (hard === undefined || have < need)
        say(`ResourceQuota/${quota.metadata.name}`, `${key} ${hard ?? "unset"} is below the platform's peak (${Math.ceil(need)}${key.endsWith("cpu") ? "m" : key.endsWith("memory") ? "Mi" : ""})`);
    }
  }

  // Scheduled scale-down: dev and staging only, scaling Deployments of this namespace only.
  const cronJobs = of("CronJob").filter((j) => podLabels(j)[NAME] === "scale-down");
  if (row.hpa) {
    for (const j of cronJobs) say(`CronJob/${j.metadata.name}`, `scheduled scale-down in ${env}, where an HPA sets the count`);
  } else {
    if (cronJobs.length < 2) say("CronJob", `${env} needs its scale-down and scale-up schedules (components/scale-down)`);
    const judged = new Set(); // service accounts whose rights were looked at
    for (const j of cronJobs) {
      const args = podSpec(j).containers[0].args ?? [];
      const up = j.metadata.name === "scale-up";
      const count = Number(/--replicas=(\d+)/.exec(args.join(" "))?.[1]);
      if (up && count !== row.replicas) say(`CronJob/${j.metadata.name}`, `brings ${count} replicas back, the table says ${row.replicas}`);
      const sa = podSpec(j).serviceAccountName;
      if (judged.has(sa)) continue;
      judged.add(sa);
      const bindings = [...of("RoleBinding"), ...of("ClusterRoleBinding")].filter((b) =>
        (b.subjects ?? []).some((s) => s.kind === "ServiceAccount" && s.name === sa));
      if (!bindings.length) say(`CronJob/${j.metadata.name}`, `service account ${sa} is bound to no Role`);
      for (const b of bindings) {
        if (b.kind !== "RoleBinding" || b.roleRef?.kind !== "Role")
          say(`${b.kind}/${b.metadata.name}`, `${sa} must hold a Role of this namespace only, not ${b.roleRef?.kind}/${b.roleRef?.name}`);
        const role = of("Role").find((r) => r.metadata.name === b.roleRef?.name);
        for (const rule of role?.rules ?? []) {
          const ok = (rule.apiGroups ?? []).every((g) => g === "apps") &&
            (rule.resources ?? []).every((r) => SCALE_RESOURCES.has(r)) &&
            (rule.verbs ?? []).every((v) => SCALE_VERBS.has(v)) && !(rule.resourceNames ?? []).includes("*");
          if (!ok) say(`Role/${role.metadata.name}`, `grants ${JSON.stringify(rule)}: only get/list/patch/update of apps deployments(/scale)`);
        }
      }
    }
  }

  networkProblems(objects, say);
  return problems;
}
