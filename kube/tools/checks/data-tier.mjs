// Offline checks of the data tier (kube/backing, kube/base/*-mysql, kube/README.md "The data
// tier"), run by validate.mjs on each rendering:
//  1. (the RabbitMQ operator's kinds, rabbitmq.com: RabbitmqCluster, User, Permission, Vhost,
//     are checked against the platform's closed JSON schemas in kube/tools/schemas/ by
//     validate.mjs, with every such kind: models.mjs closedSchemaProblems);
//  2. rules, on every overlay's rendering (overlays-*.yaml), across its objects:
//     - RabbitMQ: one RabbitmqCluster with persistence, the management and prometheus plugins, an
//       odd number of nodes (at least 3 outside local development), a PodDisruptionBudget that
//       keeps a majority; RABBITMQ_ADDRESSES names exactly its nodes; the platform's vhost
//       (RABBITMQ_VHOST) exists with quorum as its default queue type;
//     - one RabbitMQ user per service: every service reads RABBITMQ_USERNAME and RABBITMQ_PASSWORD
//       from a Secret of its own (keys username, password) that a User imports, with no tags,
//       and a Permission for that user on the platform's vhost only;
//     - Redis: password from a Secret that the services read too, append-only persistence on a
//       volume, noeviction, a PodDisruptionBudget, the Service REDIS_URL names;
//     - MinIO: the Service STORAGE_ENDPOINT names, one node in local development, 4 or more
//       outside it (started in parallel, every node listed in the server's arguments), a
//       PodDisruptionBudget; the setup Job creates every service's STORAGE_BUCKET with that
//       service's credentials, and requires a replication target outside local development;
//     - MySQL (component database): a PodDisruptionBudget, a volume claim; outside local
//       development a StorageClass on every data-tier claim and data-tier images pinned by digest;
//     - the data tier's claims fit the overlay's ResourceQuota (requests.storage) and LimitRange;
//     - NetworkPolicies: the MinIO setup Job resolves names and reaches MinIO's S3 port, which
//       admits it; outside local development the Job and the MinIO nodes reach the second storage
//       the buckets replicate to (REPLICATION_ENDPOINT: outside the cluster, HTTPS);
//     - one source per variable: a service's variable set by env is in none of its envFrom
//       sources (ConfigMaps, Secrets or, in staging and prod, the ExternalSecrets that make them);
//  3. across the overlays: the persistent storage every environment requests (StatefulSets' claim
//     templates, PersistentVolumeClaims, generic ephemeral volumes, RabbitMQ's persistence, times
//     replicas) is printed per environment, and together it must reach MIN_TOTAL_STORAGE_GIB.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { allows } from "./environments.mjs";

const here = dirname(fileURLToPath(import.meta.url));

// 2. Rules ----------------------------------------------------------------------------------

const GI = { Ki: 2 ** -20, Mi: 2 ** -10, Gi: 1, Ti: 2 ** 10, Pi: 2 ** 20, "": 2 ** -30, k: 1e3 / 2 ** 30, M: 1e6 / 2 ** 30, G: 1e9 / 2 ** 30, T: 1e12 / 2 ** 30 };
const gibibytes = (q) => {
  const m = /^([0-9.]+)(Ki|Mi|Gi|Ti|Pi|k|M|G|T)?$/.exec(String(q ?? ""));
  return m ? Number(m[1]) * GI[m[2] ?? ""] : NaN;
};
const digestPinned = (image) => /@sha256:[0-9a-f]{64}$/.test(String(image));
const NAMESPACE = "opencommerce";

function selects(selector, labels) {
  const want = selector?.matchLabels ?? {};
  return Object.keys(want).length > 0 && Object.entries(want).every(([k, v]) => labels?.[k] === v);
}

// The value of an environment variable of a container as the pod sees it: env wins over envFrom,
// a later envFrom source over an earlier one. Returns {value} or {secret, key} or undefined.
function envOf(container, name, configMaps) {
  const direct = (container.env ?? []).find((e) => e.name === name);
  if (direct) {
    if (direct.valueFrom?.secretKeyRef) return { secret: direct.valueFrom.secretKeyRef.name, key: direct.valueFrom.secretKeyRef.key };
    if (direct.valueFrom?.configMapKeyRef) {
      const cm = configMaps.get(direct.valueFrom.configMapKeyRef.name);
      return { value: cm?.data?.[direct.valueFrom.configMapKeyRef.key] };
    }
    return { value: direct.value };
  }
  let found;
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef && configMaps.get(source.configMapRef.name)?.data?.[name] !== undefined)
      found = { value: configMaps.get(source.configMapRef.name).data[name] };
  }
  return found;
}

// The persistent storage a rendering requests: [owner, GiB per claim, claims]. StatefulSets'
// claim templates and generic ephemeral volumes once per replica (a Deployment an HPA scales: its
// minimum), PersistentVolumeClaims once, a RabbitmqCluster's persistence once per node.
export function storageRequests(objects) {
  const out = [];
  const minReplicas = new Map(objects.filter((o) => o.kind === "HorizontalPodAutoscaler")
    .map((h) => [`${h.spec?.scaleTargetRef?.kind}/${h.spec?.scaleTargetRef?.name}`, h.spec?.minReplicas ?? 1]));
  for (const o of objects) {
    const id = `${o.kind}/${o.metadata?.name}`;
    if (o.kind === "PersistentVolumeClaim") out.push([id, gibibytes(o.spec?.resources?.requests?.storage), 1]);
    if (o.kind === "RabbitmqCluster") out.push([id, gibibytes(o.spec?.persistence?.storage), o.spec?.replicas ?? 1]);
    if (!["StatefulSet", "Deployment", "ReplicaSet"].includes(o.kind)) continue;
    const n = o.spec?.replicas ?? minReplicas.get(id) ?? 1;
    for (const c of o.spec?.volumeClaimTemplates ?? []) out.push([id, gibibytes(c.spec?.resources?.requests?.storage), n]);
    for (const v of o.spec?.template?.spec?.volumes ?? [])
      if (v.ephemeral) out.push([id, gibibytes(v.ephemeral.volumeClaimTemplate?.spec?.resources?.requests?.storage), n]);
  }
  return out;
}

// The seed's requirement: the environments together request at least this much storage.
export const MIN_TOTAL_STORAGE_GIB = 500;
// Each overlay's total, as validate.mjs hands the renderings over one by one (overlays-<env>.yaml);
// the sum is judged once every overlay of kube/overlays/ has been seen.
const storageTotals = new Map();
const ENVIRONMENTS = readdirSync(join(here, "..", "..", "overlays"), { withFileTypes: true })
  .filter((d) => d.isDirectory()).map((d) => d.name).sort();
const round = (gi) => Math.round(gi * 10) / 10;

function totalStorageProblems(env, total) {
  storageTotals.set(env, total);
  if (ENVIRONMENTS.some((e) => !storageTotals.has(e))) return [];
  const sum = [...storageTotals.values()].reduce((a, b) => a + b, 0);
  const each = ENVIRONMENTS.map((e) => `${e} ${round(storageTotals.get(e))} GiB`).join(", ");
  console.log(`info persistent storage requested: ${each}; together ${round(sum)} GiB (at least ${MIN_TOTAL_STORAGE_GIB} GiB)`);
  if (sum >= MIN_TOTAL_STORAGE_GIB) return [];
  return [["environments", `request ${round(sum)} GiB of persistent storage together (${each}), below the ${MIN_TOTAL_STORAGE_GIB} GiB the seed needs: raise the sizes in overlays/<env>/data-tier.yaml`]];
}

// The pod port behind a URL's Service port (MinIO's S3 port), or undefined.
function minioPort(url, service, container) {
  const m = /^(https?):\/\/[^:/]+(?::(\d+))?/.exec(url);
  if (!m || !service) return undefined;
  const port = Number(m[2] ?? (m[1] === "https" ? 443 : 80));
  const servicePort = (service.spec?.ports ?? []).find((p) => p.port === port);
  if (!servicePort) return undefined;
  const target = servicePort.targetPort ?? port;
  if (typeof target === "number") return target;
  return (container.ports ?? []).find((p) => p.name === target)?.containerPort;
}

// The port of the second storage: REPLICATION_ENDPOINT's where the Secret is rendered (never in
// staging and prod, whose Secret comes from the secret manager), else HTTPS's.
function replicationPort(secret) {
  const b64 = secret?.data?.REPLICATION_ENDPOINT;
  const url = secret?.stringData?.REPLICATION_ENDPOINT ?? (b64 ? Buffer.from(b64, "base64").toString() : "");
  const m = /^(https?):\/\/[^:/]+(?::(\d+))?/.exec(url);
  return m ? Number(m[2] ?? (m[1] === "https" ? 443 : 80)) : 443;
}

export function problems(objects, file) {
  if (!/^overlays-/.test(file)) return [];
  const out = [];
  const say = (kind, name, m) => out.push([`${kind}/${name}`, m]);
  const of = (kind) => objects.filter((o) => o.kind === kind);
  const named = (kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name);
  const configMaps = new Map(of("ConfigMap").map((c) => [c.metadata.name, c]));
  const secrets = new Map(of("Secret").map((s) => [s.metadata.name, s]));
  const pdbs = of("PodDisruptionBudget");
  const pdbOf = (labels) => pdbs.filter((p) => selects(p.spec?.selector, labels));
  const platform = [...configMaps.values()].find((c) => /^platform-config(-|$)/.test(c.metadata.name));
  const env = platform?.data ?? {};
  const local = env.PLATFORM_ENVIRONMENT === "local";
  const services = of("Deployment").filter((d) => d.spec?.template?.metadata?.labels?.["app.kubernetes.io/component"] === "api");
  const containerOf = (d) => d.spec.template.spec.containers[0];
  if (!platform) say("ConfigMap", "platform-config", "missing");

  // RabbitMQ ------------------------------------------------------------------------------
  const clusters = of("RabbitmqCluster");
  if (clusters.length !== 1) say("RabbitmqCluster", "*", `expected one RabbitmqCluster, found ${clusters.length}`);
  const cluster = clusters[0];
  if (cluster) {
    const name = cluster.metadata.name;
    const n = cluster.spec?.replicas ?? 1;
    const sayC = (m) => say("RabbitmqCluster", name, m);
    if (n % 2 === 0) sayC(`${n} nodes: a quorum needs an odd number`);
    if (!local && n < 3) sayC(`${n} node(s): at least 3 outside local development (a quorum queue survives one node lost)`);
    if (!cluster.spec?.persistence?.storage) sayC("no persistence.storage: every node needs a volume");
    const plugins = cluster.spec?.rabbitmq?.additionalPlugins ?? [];
    for (const p of ["rabbitmq_management", "rabbitmq_prometheus"])
      if (!plugins.includes(p)) sayC(`plugin ${p} not listed in rabbitmq.additionalPlugins`);
    const podLabels = { "app.kubernetes.io/name": name };
    const budgets = pdbOf(podLabels);
    if (budgets.length !== 1) sayC(`needs exactly one PodDisruptionBudget selecting app.kubernetes.io/name=${name}, has ${budgets.length}`);
    else {
      const maxUnavailable = budgets[0].spec?.maxUnavailable;
      const minAvailable = budgets[0].spec?.minAvailable;
      const away = maxUnavailable ?? (typeof minAvailable === "number" ? n - minAvailable : undefined);
      if (typeof away !== "number" || away < (n > 1 ? 1 : 0) || away > Math.floor((n - 1) / 2) + (n === 1 ? 1 : 0))
        say("PodDisruptionBudget", budgets[0].metadata.name, `must let one node go at a time and keep a majority of ${n} (maxUnavailable 1)`);
    }
    const expected = Array.from({ length: n }, (_, i) => `${name}-server-${i}.${name}-nodes:5672`);
    const addresses = String(env.RABBITMQ_ADDRESSES ?? "").split(",").map((a) => a.trim()).filter(Boolean);
    if (addresses.join(",") !== expected.join(","))
      say("ConfigMap", "platform-config", `RABBITMQ_ADDRESSES "${addresses.join(",")}" is not the cluster's nodes "${expected.join(",")}"`);
    const vhostName = env.RABBITMQ_VHOST;
    const vhost = of("Vhost").find((v) => v.spec?.name === vhostName);
    if (!vhost) say("Vhost", vhostName, `the platform's vhost (RABBITMQ_VHOST) is not declared`);
    else {
      if (vhost.spec.defaultQueueType !== "quorum") say("Vhost", vhost.metadata.name, "defaultQueueType is not quorum");
      if (vhost.spec.rabbitmqClusterReference?.name !== name) say("Vhost", vhost.metadata.name, `not on cluster ${name}`);
    }

    // One user per service.
    const users = of("User");
    const permissions = of("Permission");
    const secretOwners = new Map();
    for (const d of services) {
      const svc = d.metadata.name;
      const c = containerOf(d);
      const u = envOf(c, "RABBITMQ_USERNAME", configMaps);
      const p = envOf(c, "RABBITMQ_PASSWORD", configMaps);
      if (!u?.secret || u.key !== "username" || !p?.secret || p.key !== "password" || u.secret !== p.secret) {
        say("Deployment", svc, "RABBITMQ_USERNAME and RABBITMQ_PASSWORD must come from the keys username and password of one Secret of the service's own");
        continue;
      }
      if (secretOwners.has(u.secret)) say("Deployment", svc, `shares its RabbitMQ Secret ${u.secret} with ${secretOwners.get(u.secret)}`);
      secretOwners.set(u.secret, svc);
      const secret = secrets.get(u.secret);
      if (secret && !["username", "password"].every((k) => (secret.stringData ?? secret.data ?? {})[k] !== undefined))
        say("Secret", u.secret, "needs the keys username and password");
      const user = users.find((x) => x.spec?.importCredentialsSecret?.name === u.secret);
      if (!user) {
        say("Deployment", svc, `no RabbitMQ User imports its Secret ${u.secret}`);
        continue;
      }
      if (user.spec.rabbitmqClusterReference?.name !== name) say("User", user.metadata.name, `not on cluster ${name}`);
      if ((user.spec.tags ?? []).length) say("User", user.metadata.name, `a service's user has no tags (${user.spec.tags.join(", ")})`);
      const granted = permissions.filter((x) => x.spec?.userReference?.name === user.metadata.name || x.spec?.user === u.secret);
      if (!granted.length) say("User", user.metadata.name, "no Permission");
      for (const g of granted) {
        if (g.spec.vhost !== vhostName) say("Permission", g.metadata.name, `on vhost ${g.spec.vhost}: a service's user is allowed the platform's vhost ${vhostName} only`);
        if (g.spec.rabbitmqClusterReference?.name !== name) say("Permission", g.metadata.name, `not on cluster ${name}`);
      }
    }
  }

  // Redis ---------------------------------------------------------------------------------
  const redisHost = /^rediss?:\/\/(?:[^@/]*@)?([^:/]+)/.exec(String(env.REDIS_URL ?? ""))?.[1];
  const redisService = named("Service", redisHost);
  const redis = of("StatefulSet").find((s) => selects(redisService?.spec ? { matchLabels: redisService.spec.selector } : undefined, s.spec?.template?.metadata?.labels));
  if (!redisService) say("Service", redisHost ?? "redis", "REDIS_URL names no Service");
  else if (!redis) say("Service", redisHost, "selects no Redis StatefulSet");
  if (redis) {
    const c = containerOf(redis);
    const args = (c.args ?? []).join(" ");
    const pass = envOf(c, "REDIS_PASSWORD", configMaps);
    if (!/--requirepass \$\(REDIS_PASSWORD\)/.test(args) || !pass?.secret)
      say("StatefulSet", redis.metadata.name, "Redis must require a password (--requirepass $(REDIS_PASSWORD) from a Secret)");
    if (!/--appendonly yes/.test(args)) say("StatefulSet", redis.metadata.name, "no append-only persistence (--appendonly yes): the revocations must survive a restart");
    if (!/--maxmemory-policy noeviction/.test(args)) say("StatefulSet", redis.metadata.name, "--maxmemory-policy must be noeviction (an evicted revocation goes unnoticed)");
    const dataMount = (c.volumeMounts ?? []).find((m) => m.mountPath === "/data")?.name;
    if (!(redis.spec.volumeClaimTemplates ?? []).some((t) => t.metadata?.name === dataMount))
      say("StatefulSet", redis.metadata.name, "/data is not on a volume claim");
    if (!pdbOf(redis.spec.template.metadata.labels).length) say("StatefulSet", redis.metadata.name, "no PodDisruptionBudget");
    for (const d of services) {
      const p = envOf(containerOf(d), "REDIS_PASSWORD", configMaps);
      if (!pass?.secret || p?.secret !== pass.secret || p?.key !== pass.key)
        say("Deployment", d.metadata.name, `REDIS_PASSWORD is not Redis's own (Secret ${pass?.secret}, key ${pass?.key})`);
    }
  }

  // MinIO ---------------------------------------------------------------------------------
  const storageUsers = services.filter((d) => envOf(containerOf(d), "STORAGE_ENDPOINT", configMaps)?.value);
  const endpoints = new Set(storageUsers.map((d) => envOf(containerOf(d), "STORAGE_ENDPOINT", configMaps).value));
  const minio = named("StatefulSet", "minio");
  if (!minio) say("StatefulSet", "minio", "missing");
  for (const url of endpoints) {
    const host = /^https?:\/\/([^:/]+)/.exec(url)?.[1];
    const svc = named("Service", host);
    if (!svc || !minio || !selects({ matchLabels: svc.spec?.selector }, minio.spec.template.metadata.labels))
      say("Service", host, `STORAGE_ENDPOINT ${url} names no Service of the MinIO StatefulSet`);
  }
  if (minio) {
    const n = minio.spec.replicas ?? 1;
    const args = (containerOf(minio).args ?? []).join(" ");
    if (local && n !== 1) say("StatefulSet", "minio", `${n} nodes in local development (one)`);
    if (!local) {
      if (n < 4) say("StatefulSet", "minio", `${n} node(s): distributed MinIO (4 or more) outside local development`);
      if (minio.spec.podManagementPolicy !== "Parallel") say("StatefulSet", "minio", "distributed nodes must start together (podManagementPolicy Parallel)");
      const set = /\{0\.\.\.(\d+)\}/.exec(args);
      if (!set || Number(set[1]) !== n - 1) say("StatefulSet", "minio", `the server's arguments do not list its ${n} nodes ({0...${n - 1}})`);
    }
    if (!pdbOf(minio.spec.template.metadata.labels).length) say("StatefulSet", "minio", "no PodDisruptionBudget");
    const job = named("Job", "minio-setup");
    if (!job) say("Job", "minio-setup", "missing: nobody creates the buckets");
    else {
      const jc = containerOf(job);
      const buckets = new Map(String(envOf(jc, "BUCKETS", configMaps)?.value ?? "").split(/\s+/).filter(Boolean).map((e) => e.split(":")));
      for (const d of storageUsers) {
        const svc = d.metadata.name;
        const c = containerOf(d);
        const bucket = envOf(c, "STORAGE_BUCKET", configMaps)?.value;
        if (buckets.get(svc) !== bucket) say("Job", "minio-setup", `does not create ${svc}'s bucket ${bucket} (BUCKETS)`);
        const upper = svc.toUpperCase().replace(/-/g, "_");
        for (const [mine, theirs] of [["STORAGE_ACCESS_KEY", `${upper}_ACCESS_KEY`], ["STORAGE_SECRET_KEY", `${upper}_SECRET_KEY`]]) {
          const a = envOf(c, mine, configMaps);
          const b = envOf(jc, theirs, configMaps);
          if (!a?.secret || a.secret !== b?.secret || a.key !== b?.key)
            say("Deployment", svc, `${mine} must come from the Secret the setup Job creates the user from (${theirs})`);
        }
      }
      if (!local) {
        const required = envOf(jc, "REPLICATION_REQUIRED", configMaps)?.value === "true";
        const target = (jc.envFrom ?? []).find((s) => s.secretRef?.name === "minio-replication");
        if (!required || !target || target.secretRef.optional)
          say("Job", "minio-setup", "outside local development the buckets' replication to a second storage is required (REPLICATION_REQUIRED, Secret minio-replication not optional)");
      }

      // NetworkPolicies (default deny): the Job's pods resolve names and reach MinIO's S3 port,
      // which admits them; with replication, the Job (target buckets, versioning) and the MinIO
      // nodes (the replication itself) reach the second storage.
      const policies = of("NetworkPolicy");
      const ns = (o) => o.metadata?.namespace ?? NAMESPACE;
      const jobPod = { ns: ns(job), labels: job.spec.template.metadata?.labels ?? {} };
      const minioPod = { ns: ns(minio), labels: minio.spec.template.metadata?.labels ?? {} };
      const dns = { ns: "kube-system", labels: { "k8s-app": "kube-dns" } };
      const url = String(envOf(jc, "MINIO_URL", configMaps)?.value ?? "");
      const port = minioPort(url, named("Service", /^https?:\/\/([^:/]+)/.exec(url)?.[1]), containerOf(minio));
      if (!allows(policies, jobPod, dns, 53, "UDP"))
        say("Job", "minio-setup", "its pods cannot resolve names: NetworkPolicies allow no DNS (UDP 53 to kube-dns)");
      if (!port) say("Job", "minio-setup", `MINIO_URL "${url}" names no port of the MinIO StatefulSet's Service`);
      else if (!allows(policies, jobPod, minioPod, port))
        say("Job", "minio-setup", `NetworkPolicies do not let its pods reach MinIO (${url}, pod port ${port}): egress from the Job's pods and MinIO's ingress must both allow it`);
      if (!local) {
        const remote = replicationPort(secrets.get("minio-replication"));
        const outside = { ip: true };
        if (!allows(policies, jobPod, outside, remote))
          say("Job", "minio-setup", `NetworkPolicies do not let its pods reach the second storage (REPLICATION_ENDPOINT, outside the cluster, port ${remote})`);
        if (!allows(policies, minioPod, outside, remote))
          say("StatefulSet", "minio", `NetworkPolicies do not let MinIO reach the second storage its buckets replicate to (REPLICATION_ENDPOINT, outside the cluster, port ${remote})`);
        if (!allows(policies, minioPod, dns, 53, "UDP"))
          say("StatefulSet", "minio", "its pods cannot resolve names (REPLICATION_ENDPOINT): NetworkPolicies allow no DNS (UDP 53 to kube-dns)");
      }
    }
  }

  // One source per variable ------------------------------------------------------------------
  // env wins over envFrom: a service's variable set by env and also present in one of its envFrom
  // sources is a dead value there, and a misleading one.
  const externals = new Map(of("ExternalSecret").map((e) => [e.spec?.target?.name ?? e.metadata?.name, e]));
  const keysOf = (source) => {
    if (source.configMapRef) return Object.keys(configMaps.get(source.configMapRef.name)?.data ?? {});
    if (!source.secretRef) return [];
    const s = secrets.get(source.secretRef.name);
    if (s) return Object.keys({ ...s.data, ...s.stringData });
    return (externals.get(source.secretRef.name)?.spec?.data ?? []).map((d) => d.secretKey);
  };
  for (const d of services) {
    const c = containerOf(d);
    const direct = new Set((c.env ?? []).map((e) => e.name));
    for (const source of c.envFrom ?? []) {
      const kind = source.configMapRef ? "ConfigMap" : "Secret";
      const name = (source.configMapRef ?? source.secretRef)?.name;
      const shadowed = keysOf(source).filter((k) => direct.has((source.prefix ?? "") + k));
      if (shadowed.length)
        say("Deployment", d.metadata.name, `${shadowed.join(", ")} in ${kind} ${name} never reach${shadowed.length > 1 ? "" : "es"} the service: its env sets ${shadowed.length > 1 ? "them" : "it"} (one source per variable)`);
    }
  }

  // MySQL, claims, images, quota ------------------------------------------------------------
  const stateful = of("StatefulSet");
  const databases = stateful.filter((s) => s.spec?.template?.metadata?.labels?.["app.kubernetes.io/component"] === "database");
  for (const db of databases) {
    if (!pdbOf(db.spec.template.metadata.labels).length) say("StatefulSet", db.metadata.name, "no PodDisruptionBudget");
    if (!(db.spec.volumeClaimTemplates ?? []).length) say("StatefulSet", db.metadata.name, "no volume claim");
  }
  const dataTier = [...databases, ...[minio, named("StatefulSet", redis?.metadata?.name)].filter(Boolean)];
  for (const s of dataTier) {
    for (const t of s.spec.volumeClaimTemplates ?? []) {
      if (!local && !t.spec?.storageClassName) say("StatefulSet", s.metadata.name, `claim ${t.metadata?.name}: no storageClassName outside local development`);
    }
    if (!local) for (const c of [...(s.spec.template.spec.initContainers ?? []), ...s.spec.template.spec.containers])
      if (!digestPinned(c.image)) say("StatefulSet", s.metadata.name, `image ${c.image} is not pinned by digest`);
  }
  const job = named("Job", "minio-setup");
  if (!local && job) for (const c of job.spec.template.spec.containers)
    if (!digestPinned(c.image)) say("Job", "minio-setup", `image ${c.image} is not pinned by digest`);
  if (cluster) {
    if (!local && !cluster.spec?.persistence?.storageClassName) say("RabbitmqCluster", cluster.metadata.name, "no persistence.storageClassName outside local development");
  }
  // Every claim of the rendering counts against the quota, the data tier's and any other.
  const requested = storageRequests(objects);
  for (const [owner, gi] of requested) if (!(gi > 0)) out.push([owner, "a volume claim without a size"]);
  const total = requested.reduce((sum, [, gi, n]) => sum + gi * n, 0);
  for (const q of of("ResourceQuota")) {
    const limit = gibibytes(q.spec?.hard?.["requests.storage"]);
    if (limit && total > limit) say("ResourceQuota", q.metadata.name, `the claims request ${round(total)} GiB, more than requests.storage ${q.spec.hard["requests.storage"]}`);
  }
  for (const lr of of("LimitRange")) {
    for (const l of lr.spec?.limits ?? []) {
      if (l.type !== "PersistentVolumeClaim" || !l.max?.storage) continue;
      for (const [owner, gi] of requested)
        if (gi > gibibytes(l.max.storage)) out.push([owner, `a ${gi} GiB claim, above LimitRange ${lr.metadata.name}'s maximum ${l.max.storage}`]);
    }
  }
  out.push(...totalStorageProblems(file.replace(/^overlays-|\.yaml$/g, ""), total));
  return out;
}
