import type { ApiClient } from '@app/test-kit';

export interface SchemaObject {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  example?: unknown;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  $ref?: string;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
}

/** One endpoint of the API as its OpenAPI document describes it. */
export interface ApiOperation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As in the document: `/api/meetings/{id}`. */
  path: string;
  /** The path's parameters in order. */
  params: string[];
  /** The JSON body's schema, references resolved; absent when the endpoint takes none. */
  body?: SchemaObject;
  /** Takes a file upload (multipart/form-data) rather than JSON. */
  multipart: boolean;
  /** `METHOD /api/path/{}`: the endpoint with its parameters' names left out, for rules keyed by shape. */
  key: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Every endpoint the running API documents at /api/docs-json, so the suites cover endpoints added later without
 * being told. The Swagger UI's own routes are left out.
 */
export async function loadOperations(api: ApiClient): Promise<ApiOperation[]> {
  const document = await api.expect(200, 'GET', '/api/docs-json');
  const resolve = (schema: SchemaObject): SchemaObject => {
    if (schema.$ref) return resolve(schema.$ref.split('/').slice(1).reduce((node: any, part) => node[part], document));
    if (schema.allOf) return schema.allOf.map(resolve).reduce((merged, part) => ({ ...merged, ...part, properties: { ...merged.properties, ...part.properties } }), {});
    if (schema.items) return { ...schema, items: resolve(schema.items) };
    if (schema.properties) return { ...schema, properties: Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, resolve(property)])) };
    return schema;
  };
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(document.paths)) {
    if (!(path.startsWith('/api/') || path.startsWith('/oparl/')) || path.startsWith('/api/docs')) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      operations.push({
        method: method.toUpperCase() as ApiOperation['method'],
        path,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
        body: json ? resolve(json) : undefined,
        multipart: 'multipart/form-data' in content,
        key: `${method.toUpperCase()} ${path.replace(/\{\w+\}/g, '{}')}`,
      });
    }
  }
  return operations;
}
