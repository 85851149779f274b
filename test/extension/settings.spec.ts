import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, settingsSchema } from '@numbers-csv/shared';

/** The part of JSON Schema that both zod's output and a VS Code configuration contribution use. */
interface JsonSchema {
  type?: string;
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  minLength?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  propertyNames?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
}

interface Manifest {
  contributes: { configuration: { properties: Record<string, JsonSchema> } };
}

const SECTION = 'numbersCsv';
/** Read by the server or the client only; the core's strict schema never sees them. */
const EDITOR_ONLY_KEYS = [`${SECTION}.maxDiagnostics`, `${SECTION}.trace.server`];

const manifest = JSON.parse(readFileSync(new URL('../../../extension/package.json', import.meta.url), 'utf8')) as Manifest;
const contributed = manifest.contributes.configuration.properties;
const core = coreSettings(settingsSchema.toJSONSchema({ io: 'input' }) as JsonSchema, SECTION);

/**
 * The core's settings as the manifest names them: an object with fixed keys (`limits`) becomes one
 * setting per key, which the Settings editor shows as one field each; a map (`severity`) stays one.
 */
function coreSettings(schema: JsonSchema, prefix: string): Map<string, JsonSchema> {
  const settings = new Map<string, JsonSchema>();
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const key = `${prefix}.${name}`;
    if (property.properties) for (const [inner, value] of coreSettings(property, key)) settings.set(inner, value);
    else settings.set(key, property);
  }
  return settings;
}

/** What a value must be, without what only documents it. */
function constraints(schema: JsonSchema | undefined): JsonSchema {
  if (schema === undefined) return {};
  const { type, enum: values, minimum, exclusiveMinimum, minItems, minLength, items } = schema;
  const kept: JsonSchema = { type, enum: values, minimum, exclusiveMinimum, minItems, minLength, items: items && constraints(items) };
  return Object.fromEntries(Object.entries(kept).filter(([, value]) => value !== undefined));
}

/** The defaults of the manifest as one settings object, the way VS Code hands the section to the server. */
function manifestDefaults(): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const key of core.keys()) {
    const path = key.split('.').slice(1);
    let node = root;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path.at(-1) ?? ''] = contributed[key]?.default;
  }
  return root;
}

describe('extension/package.json settings', () => {
  it('contributes every setting of the core schema', () => {
    const missing = [...core.keys()].filter((key) => !(key in contributed));
    assert.deepEqual(missing, []);
  });

  it('contributes no setting that is neither in the core schema nor editor-only', () => {
    const extra = Object.keys(contributed).filter((key) => !core.has(key) && !EDITOR_ONLY_KEYS.includes(key));
    assert.deepEqual(extra, []);
  });

  it('has the defaults of the core schema', () => {
    assert.deepEqual(manifestDefaults(), DEFAULT_SETTINGS);
  });

  it('has the types and bounds of the core schema', () => {
    for (const [key, schema] of core) {
      if (key === `${SECTION}.severity`) continue;
      assert.deepEqual(constraints(contributed[key]), constraints(schema), key);
    }
  });

  it('offers every code for severity, each with the core values', () => {
    const severity = contributed[`${SECTION}.severity`];
    const schema = core.get(`${SECTION}.severity`);
    assert.equal(severity?.type, 'object');
    assert.equal(severity?.additionalProperties, false, 'a misspelt code should be flagged in settings.json');
    assert.deepEqual(Object.keys(severity?.properties ?? {}), schema?.propertyNames?.enum);
    const values = typeof schema?.additionalProperties === 'object' ? schema.additionalProperties.enum : undefined;
    for (const [code, property] of Object.entries(severity?.properties ?? {})) assert.deepEqual(property.enum, values, code);
  });

  it('has editor-only settings the server and the client read', () => {
    assert.deepEqual(constraints(contributed[`${SECTION}.maxDiagnostics`]), { type: 'integer', minimum: 0 });
    assert.equal(contributed[`${SECTION}.maxDiagnostics`]?.default, 1000);
    assert.deepEqual(contributed[`${SECTION}.trace.server`]?.enum, ['off', 'messages', 'verbose']);
  });
});
