// The typed models of the npm packages @kubernetes-models/* (Gateway API, Prometheus Operator,
// Argo CD, External Secrets): one way, shared by validate.mjs and its check modules, to find a
// kind's model, validate an object against its schema, and report the fields its type
// declarations do not know (the models' own validation lets unknown fields through). And for the
// kinds no package models (Envoy Gateway's policies, the RabbitMQ operator's objects), the
// platform's own closed JSON schemas in kube/tools/schemas/ (closedSchemaProblems).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// Packages resolve from KUBE_TOOLS_DIR (where validate.sh installs them), as usual otherwise.
export const require = process.env.KUBE_TOOLS_DIR
  ? createRequire(join(process.env.KUBE_TOOLS_DIR, "index.js"))
  : createRequire(import.meta.url);

// The folder of an installed npm package (ESM-only packages cannot be found with require.resolve).
export function packageDir(name) {
  for (const dir of require.resolve.paths(name) ?? []) {
    if (existsSync(join(dir, name, "package.json"))) return join(dir, name);
  }
  return undefined;
}

const modules = new Map();

// A kind's model class of package `name` and the file declaring its type; {} without the package.
export async function packageModel(name, apiVersion, kind) {
  const dir = packageDir(name);
  if (!dir) return {};
  const index = join(dir, apiVersion, "index.js");
  if (!modules.has(index)) modules.set(index, existsSync(index) ? await import(pathToFileURL(index).href) : {});
  return { Model: modules.get(index)[kind], declaration: join(dir, apiVersion, `${kind}.d.ts`) };
}

// What the model's JSON schema says of `obj`, one line per error.
export function modelProblems(Model, obj) {
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    return (e.errors ?? [e]).map((err) =>
      err.instancePath !== undefined ? `${err.instancePath || "/"} ${err.message}` : String(err.message),
    );
  }
}

// Unknown fields, from the type declarations: one model class per file listing every property
// (inherited ones too), one per line, their types imported from sibling files.
const declarations = new Map();
function declarationOf(file) {
  if (!declarations.has(file)) {
    let parsed;
    if (existsSync(file)) {
      const text = readFileSync(file, "utf8");
      const body = /export declare class \w+ extends Model<\w+> implements \w+ \{\n([\s\S]*?)\n\}/.exec(text);
      if (body) {
        const props = new Map();
        for (const m of body[1].matchAll(/^ {4}"([^"]+)"\??: (.+?);?$/gm)) props.set(m[1], m[2]);
        const imports = new Map();
        for (const m of text.matchAll(/import \{ (\w+) \} from "(\.[^"]+)\.js";/g)) imports.set(m[1], m[2]);
        parsed = { props, imports };
      }
    }
    declarations.set(file, parsed);
  }
  return declarations.get(file);
}

// Adds to `out` every field of `value` (at `path`) that the type declared in `file` does not have.
export function unknownFields(value, file, path, out) {
  const decl = declarationOf(file);
  if (!decl || value === null || typeof value !== "object" || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const type = decl.props.get(key);
    if (type === undefined) {
      out.push(`${path}/${key} unknown field`);
      continue;
    }
    const element = /^Array<(\w+)>$/.exec(type)?.[1];
    const target = decl.imports.get(element ?? type);
    if (!target) continue; // a scalar, a map, or a type of another package (metadata, selectors)
    const next = join(dirname(file), `${target}.d.ts`);
    if (element && Array.isArray(child)) child.forEach((c, i) => unknownFields(c, next, `${path}/${key}/${i}`, out));
    else if (!element) unknownFields(child, next, `${path}/${key}`, out);
  }
}

// The platform's closed schemas (kube/tools/schemas/*.schema.json), one per kind, compiled once;
// loaded on first use, as only some runs meet such kinds.
let closedSchemas;
function closedSchemasByKind() {
  if (!closedSchemas) {
    const AjvModule = require("ajv");
    const Ajv = AjvModule.default ?? AjvModule;
    const ajv = new Ajv({ allErrors: true, strict: true });
    const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "schemas");
    const files = readdirSync(dir).filter((f) => f.endsWith(".schema.json"));
    for (const file of files) ajv.addSchema(JSON.parse(readFileSync(join(dir, file), "utf8")));
    closedSchemas = new Map();
    for (const file of files) {
      const validate = ajv.getSchema(file);
      const kind = validate.schema.properties?.kind?.const;
      if (kind) closedSchemas.set(kind, validate);
    }
  }
  return closedSchemas;
}

// What the platform's closed schema of obj's kind says of it, one line per error (an unknown
// field by name); a kind without a schema is a problem too.
export function closedSchemaProblems(obj) {
  const validate = closedSchemasByKind().get(obj.kind);
  if (!validate) return [`no schema for ${obj.apiVersion} ${obj.kind} in kube/tools/schemas/`];
  if (validate(obj)) return [];
  return validate.errors.map((err) => {
    const where = err.instancePath || "/";
    if (err.keyword === "additionalProperties") return `${where}/${err.params.additionalProperty} unknown field`;
    if (err.keyword === "enum") return `${where} ${err.message}: ${err.params.allowedValues.join(", ")}`;
    return `${where} ${err.message}`;
  });
}
