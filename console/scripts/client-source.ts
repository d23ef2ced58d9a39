import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { REQUESTS } from '../../functions/requests.js';
import { ROUTES } from '../../functions/routes.js';
import { buildOpenApiDocument } from '../../shared/openapi/document.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIOME = fileURLToPath(new URL('../../node_modules/@biomejs/biome/bin/biome', import.meta.url));

/** Where the generated client types live, relative to the repository root. */
export const SCHEMA_FILE = 'console/src/api/schema.ts';

const HEADER = `/**
 * The botops API as TypeScript types, generated from the OpenAPI document the API serves at /openapi.json
 * (built from the route table, so no server is needed). Do not edit: run \`npm run generate:client\`.
 * A test regenerates this file and fails when it differs, so the console cannot drift from the API.
 */
`;

/**
 * The console's client types for the current route table: openapi-typescript over the same document
 * `GET /openapi.json` answers, plus the enum values of its named schemas as arrays (the console's option lists, see
 * `enumsSource`), formatted by the
 * project's Biome so the checked-in file passes lint as generated.
 */
export async function generateClientSource(): Promise<string> {
  const doc = buildOpenApiDocument(ROUTES, REQUESTS);
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], { exportType: true });
  const raw = `${HEADER}${astToString(ast)}\n${enumsSource(doc)}`;
  const formatted = spawnSync(process.execPath, [BIOME, 'format', `--stdin-file-path=${SCHEMA_FILE}`], {
    cwd: ROOT,
    input: raw,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (formatted.status !== 0) throw new Error(`biome format failed: ${formatted.stderr}`);
  return formatted.stdout;
}

type SchemaNode = {
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  items?: SchemaNode;
};

/**
 * `export const ENUMS = { Bot: { region: [...], 'voicePipeline.speechToText': [...] }, ... } as const`: every enum
 * of every named schema, by property path, so a select offers exactly what the API accepts.
 */
export function enumsSource(doc: { components?: { schemas?: Record<string, unknown> } }): string {
  const out: Record<string, Record<string, unknown[]>> = {};
  const walk = (schema: string, node: SchemaNode | undefined, path: string[]) => {
    if (!node || path.length > 3) return;
    if (Array.isArray(node.enum) && path.length) {
      out[schema] ??= {};
      const key = path.join('.');
      out[schema][key] = [...(out[schema][key] ?? []), ...node.enum.filter((v) => !(out[schema]?.[key] ?? []).includes(v))];
    }
    for (const [k, v] of Object.entries(node.properties ?? {})) walk(schema, v, [...path, k]);
    for (const v of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) walk(schema, v, path);
    if (node.items) walk(schema, node.items, path);
  };
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) walk(name, schema as SchemaNode, []);
  return `/** The enum values of each named schema, by property path (what a select may offer). */\nexport const ENUMS = ${JSON.stringify(out, null, 2)} as const;\n`;
}
