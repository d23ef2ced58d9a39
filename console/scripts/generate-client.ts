/**
 * `npm run generate:client`: rewrites the console's API types from the route table's OpenAPI document.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateClientSource, SCHEMA_FILE } from './client-source.js';

const target = fileURLToPath(new URL(`../../${SCHEMA_FILE}`, import.meta.url));
writeFileSync(target, await generateClientSource());
console.log(`wrote ${SCHEMA_FILE}`);
