// Generates server/src/schema/generated/schema.json from @kubernetes/client-node's generated
// models (field names, types, formats and JSDoc) and API classes (which kinds exist, their
// group/version and scope). Run by `npm run gen:schema` before every build.
//
// Output layout (compact; the server expands it lazily, see server/src/schema/schema.ts):
//   kubernetesVersion: "1.36"
//   descriptions: string[]                      every distinct description, referenced by index
//   objects: { [model]: [descriptionIndex, [[jsonName, type, descriptionIndex, required 0|1], …]] }
//   kinds: [[kind, group, version, namespaced 0|1, model], …]
// Types are short strings: a primitive (`string`, `integer`, `number`, `boolean`, `int-or-string`,
// `date-time`, `byte`, `any`), a model name (starts upper-case), `[]T` (array of T) or `{}T` (map of T).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const gen = join(root, 'node_modules', '@kubernetes', 'client-node', 'dist', 'gen');
const output = join(root, 'server', 'src', 'schema', 'generated', 'schema.json');

/** Models the package really exports: the folder also holds stale files from older releases. */
function exportedModels() {
  const all = readFileSync(join(gen, 'models', 'all.js'), 'utf8');
  return [...all.matchAll(/from '\.\.\/models\/(\w+)\.js'/g)].map((match) => match[1]);
}

/** API classes the package really exports (versioned ones only, e.g. `AppsV1Api`). */
function exportedApis() {
  const index = readFileSync(join(gen, 'index.js'), 'utf8');
  return [...index.matchAll(/Object(\w+V\d+(?:alpha\d+|beta\d+)?Api) as /g)].map((m) => m[1]);
}

function unescape(text) {
  return text.replace(/\\(["'\\])/g, '$1').trim();
}

/** Class description and per-property JSDoc and optionality, read from a model's `.d.ts`. */
function readDeclaration(model) {
  const lines = readFileSync(join(gen, 'models', `${model}.d.ts`), 'utf8').split('\n');
  const fields = new Map();
  let classDescription = '';
  let comment;
  let pending;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith('/**')) {
      comment = [];
    } else if (comment && trimmed.startsWith('*/')) {
      pending = unescape(comment.join('\n'));
      comment = undefined;
    } else if (comment) {
      comment.push(trimmed.replace(/^\* ?/, ''));
    } else if (trimmed.startsWith('export declare class')) {
      classDescription = pending ?? '';
      pending = undefined;
    } else {
      const property = /^'([^']+)'(\?)?:/.exec(trimmed);
      if (property) {
        fields.set(property[1], { description: pending ?? '', optional: property[2] === '?' });
      }
      if (trimmed !== '') {
        pending = undefined;
      }
    }
  }
  return { classDescription, fields };
}

function readTypeMap(model) {
  const text = readFileSync(join(gen, 'models', `${model}.js`), 'utf8');
  const start = text.indexOf('.attributeTypeMap = ');
  if (start < 0) {
    return [];
  }
  const json = text.slice(text.indexOf('[', start), text.indexOf('];', start) + 1);
  return JSON.parse(json);
}

/** Translates a client-node type (`Array<V1Container>`, `{ [key: string]: string; }`, …). */
function translateType(type, format, models) {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    return `[]${translateType(array[1], format, models)}`;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    return `{}${translateType(map[1], format, models)}`;
  }
  switch (type) {
    case 'string':
      return format === 'byte' ? 'byte' : 'string';
    case 'number':
      return format === 'int32' || format === 'int64' ? 'integer' : 'number';
    case 'boolean':
    case 'any':
      return type;
    case 'Date':
    case 'V1MicroTime':
      return 'date-time';
    case 'IntOrString':
      return 'int-or-string';
    default:
      if (!models.has(type)) {
        throw new Error(`generate-schema: unknown type ${type}`);
      }
      return type;
  }
}

/** The model a type string refers to, if any (`[]V1Container` → `V1Container`). */
function referencedModel(type) {
  const name = type.replace(/^(\[\]|\{\})+/, '');
  return /^[A-Z]/.test(name) ? name : undefined;
}

/** `V1StatefulSet` → `StatefulSet`, `CoreV1Event` → `Event`, `V1beta1DeviceClass` → `DeviceClass`. */
function kindOfModel(model) {
  return model.replace(/^(?:[A-Z][a-z]+)*?V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])/, '');
}

/**
 * The kind a list method returns, for the few read-only kinds that have no create method
 * (`ComponentStatus`): `listComponentStatus` on `/api/v1/componentstatuses` → `V1ComponentStatus`.
 */
function listedModel(chunk, path, models) {
  const kind = /^(?:list|List)(?:Namespaced)?(\w+?)(?:ForAllNamespaces)?\(/.exec(chunk)?.[1];
  const version = /\/(v\d+(?:alpha\d+|beta\d+)?)\//.exec(path)?.[1];
  if (!kind || !version || path.includes('/watch/')) {
    return undefined;
  }
  const prefix = `V${version.slice(1)}`;
  return [...models].find((model) => model.includes(prefix) && kindOfModel(model) === kind);
}

/** Kinds from each API class's create methods: a POST to a collection with the kind as its body. */
function readKinds(apis, models) {
  const kinds = new Map();
  for (const api of apis) {
    const text = readFileSync(join(gen, 'apis', `${api}.js`), 'utf8');
    const start = text.indexOf('RequestFactory extends');
    const factory = text.slice(start, text.indexOf('\nexport class', start));
    for (const chunk of factory.split(/\n {4}async (?=\w+\()/).slice(1)) {
      const path = /const localVarPath = '([^']+)'/.exec(chunk)?.[1];
      const method = /HttpMethod\.(\w+)\)/.exec(chunk)?.[1];
      const body =
        method === 'POST'
          ? /ObjectSerializer\.serialize\(body, "(\w+)"/.exec(chunk)?.[1]
          : listedModel(chunk, path, models);
      if (!path || !body || path.includes('{name}')) {
        continue;
      }
      const route = /^\/(?:api\/(v\d\w*)|apis\/([^/]+)\/([^/]+))\//.exec(path);
      if (!route) {
        continue;
      }
      const group = route[2] ?? '';
      const version = route[1] ?? route[3];
      const kind = kindOfModel(body);
      if (kind.endsWith('List')) {
        continue;
      }
      const namespaced = path.includes('/namespaces/{namespace}/') ? 1 : 0;
      const key = `${group}/${version}/${kind}`;
      const known = kinds.get(key);
      // A create method is authoritative; list methods only add kinds nothing creates, and a
      // kind listed both per namespace and across all namespaces is namespaced.
      if (method === 'POST' || !known || (!known[5] && namespaced > known[3])) {
        kinds.set(key, [kind, group, version, namespaced, body, method === 'POST']);
      }
    }
  }
  return [...kinds.values()]
    .map((entry) => entry.slice(0, 5))
    .sort((a, b) => `${a[0]} ${a[1]} ${a[2]}`.localeCompare(`${b[0]} ${b[1]} ${b[2]}`));
}

function generate() {
  const models = new Set(exportedModels());
  const kinds = readKinds(exportedApis(), models);
  const descriptions = [];
  const descriptionIndex = new Map();
  const intern = (text) => {
    let index = descriptionIndex.get(text);
    if (index === undefined) {
      index = descriptions.length;
      descriptions.push(text);
      descriptionIndex.set(text, index);
    }
    return index;
  };

  const declarations = new Map();
  const declarationOf = (model) => {
    let declaration = declarations.get(model);
    if (!declaration) {
      declaration = readDeclaration(model);
      declarations.set(model, declaration);
    }
    return declaration;
  };

  // Only models reachable from a kind are emitted: the rest (list types, API discovery) would
  // only make the bundle bigger.
  const objects = {};
  const queue = kinds.map((kind) => kind[4]);
  const seen = new Set(queue);
  while (queue.length > 0) {
    const model = queue.shift();
    const declaration = declarationOf(model);
    const fields = [];
    for (const attribute of readTypeMap(model)) {
      const type = translateType(attribute.type, attribute.format, models);
      const property = declaration.fields.get(attribute.name);
      const reference = referencedModel(type);
      // A `$ref` property carries no JSDoc of its own; the referenced type's description stands in.
      const description =
        property?.description || (reference ? declarationOf(reference).classDescription : '');
      fields.push([
        attribute.baseName,
        type,
        intern(description),
        property && !property.optional ? 1 : 0,
      ]);
      if (reference && !seen.has(reference)) {
        seen.add(reference);
        queue.push(reference);
      }
    }
    objects[model] = [intern(declaration.classDescription), fields];
  }

  const header = readFileSync(join(gen, 'models', 'V1Pod.d.ts'), 'utf8');
  const release = /OpenAPI spec version: release-(\d+\.\d+)/.exec(header)?.[1];
  if (!release) {
    throw new Error('generate-schema: cannot read the OpenAPI spec version');
  }
  const schema = { kubernetesVersion: release, descriptions, objects, kinds };
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, JSON.stringify(schema));
  return schema;
}

const started = Date.now();
const schema = generate();
process.stdout.write(
  `generate-schema: Kubernetes ${schema.kubernetesVersion}, ${schema.kinds.length} kinds, ` +
    `${Object.keys(schema.objects).length} object types in ${Date.now() - started} ms\n`,
);
