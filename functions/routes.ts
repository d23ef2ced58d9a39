import type { RouteDef } from '../shared/http/route.js';
import { API_KEY_ROUTES } from './routes/api-keys.js';
import { AUDIT_ROUTES } from './routes/audit.js';
import { BOT_LIFECYCLE_ROUTES } from './routes/bot-lifecycle.js';
import { BOT_ROUTES } from './routes/bots.js';
import { CAMPAIGN_CONTACT_ROUTES } from './routes/campaign-contacts.js';
import { CAMPAIGN_ROUTES } from './routes/campaigns.js';
import { CONNECTOR_ACTION_ROUTES } from './routes/connector-actions.js';
import { CONNECTOR_ROUTES } from './routes/connectors.js';
import { CONTACT_ROUTES } from './routes/contacts.js';
import { DNC_ROUTES } from './routes/dnc.js';
import { INTEGRATION_ROUTES } from './routes/integration.js';
import { PHONE_NUMBER_ROUTES } from './routes/phone-numbers.js';
import { PUBLIC_ROUTES } from './routes/public.js';
import { TEAM_ROUTES } from './routes/team.js';
import { WIDGET_ROUTES } from './routes/widget.js';

/**
 * The route table: the CDK stack creates one Lambda per row and an API Gateway route to it, the local runtime
 * serves the same rows with the same modules, and `/openapi.json` documents them. Adding a route is one row
 * in `functions/routes/<area>.ts` plus one handler file under `functions/`. `minRole` is enforced by the shared middleware (deny by default).
 */
export const ROUTES = [
  ...PUBLIC_ROUTES,
  ...TEAM_ROUTES,
  ...API_KEY_ROUTES,
  ...BOT_ROUTES,
  ...AUDIT_ROUTES,
  ...WIDGET_ROUTES,
  ...INTEGRATION_ROUTES,
  ...CONNECTOR_ROUTES,
  ...CONNECTOR_ACTION_ROUTES,
  ...BOT_LIFECYCLE_ROUTES,
  ...CAMPAIGN_ROUTES,
  ...CAMPAIGN_CONTACT_ROUTES,
  ...DNC_ROUTES,
  ...PHONE_NUMBER_ROUTES,
  ...CONTACT_ROUTES,
] as const satisfies readonly RouteDef[];

export type Operation = (typeof ROUTES)[number]['operation'];

/** The row of `operation`, with its literal path, status and flags (so a handler's `params` and answer are typed from it). */
export type RouteOf<O extends Operation> = Extract<(typeof ROUTES)[number], { operation: O }>;

/** The row of `operation`; handlers pass it to `api()` so their role, status and idempotency come from here. */
export function route<O extends Operation>(operation: O): RouteOf<O> {
  const row = ROUTES.find((r) => r.operation === operation);
  if (!row) throw new Error(`no route for operation ${operation}`);
  return row as RouteOf<O>;
}
