import { ROUTES } from '../../functions/routes.js';
import { RESPONSES } from '../../shared/openapi/responses.js';

/** Route templates as regular expressions, the most literal first (`/connectors/metrics` before `/connectors/{id}`). */
const MATCHERS = ROUTES.map((r) => ({
  route: r,
  pattern: new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`),
  literals: r.path.split('/').filter((s) => s && !s.startsWith('{')).length,
})).sort((a, b) => b.literals - a.literals);

/**
 * Checks a 2xx JSON response of the local runtime against the success schema the OpenAPI document publishes
 * for its route (`shared/openapi/responses.ts`), so every e2e test also proves the document tells the truth.
 * Throws naming the operation and each mismatching path.
 */
export function checkResponseContract(method: string, url: string, status: number, json: unknown): void {
  if (status < 200 || status >= 300 || json === undefined) return;
  const path = url.split('?')[0]!;
  const match = MATCHERS.find((m) => m.route.method === method.toUpperCase() && m.pattern.test(path));
  if (!match) return;
  const doc = RESPONSES[match.route.operation];
  if (!doc?.body) return;
  const parsed = doc.body.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    throw new Error(`${match.route.operation} answered ${status} with a body its documented schema refuses: ${issues}`);
  }
}
