import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

// ajv-formats is CommonJS: its default export is the module, whose own `default` is the plugin under TypeScript.
const addFormats = formats as unknown as typeof formats.default;

const SCHEMA_DIR = join(process.cwd(), 'test/oparl-schema');
const TYPE_PREFIX = 'https://schema.oparl.org/1.1/';

/**
 * The OParl 1.1 schemas (draft-07, from the specification, copied unchanged beside this file) with ajv: each
 * registered by its `$id` and, since their references name files (`"$ref": "File.json"`), under that name too.
 * The specification's own keywords (references, backreference, cardinality) are allowed by `strict: false`.
 */
export function oparlValidator(): (object: { type?: unknown }) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv, ['date', 'date-time']);
  ajv.addFormat('url', { validate: (value: string) => URL.canParse(value) && /^https?:\/\//.test(value) });
  for (const file of readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8'));
    ajv.addSchema(schema);
    ajv.addSchema({ ...schema, $id: `${schema.$id}.json` });
  }
  const validators = new Map<string, ValidateFunction>();
  return (object) => {
    if (typeof object.type !== 'string' || !object.type.startsWith(TYPE_PREFIX)) return [`type ${String(object.type)} is no OParl 1.1 type`];
    const type = object.type.slice(TYPE_PREFIX.length);
    let validate = validators.get(type);
    if (!validate) {
      validate = ajv.getSchema(`${TYPE_PREFIX}${type}`);
      if (!validate) return [`no schema for ${type}`];
      validators.set(type, validate);
    }
    return validate(object) ? [] : (validate.errors ?? []).map((error) => `${type}${error.instancePath} ${error.message}`);
  };
}
