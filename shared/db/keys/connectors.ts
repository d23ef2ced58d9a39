import type { Key } from './key.js';
import { botDataPartition } from './team.js';

/* Keys and index entries of agent connectors and their health-check history. */

// Connectors. A connector is team configuration: it lives in the team partition and survives
// a bot reset. Its indexes serve the list filters without a Scan: GSI1 by bot (sorted by environment, then
// status), GSI3 by environment (sorted by status), and GSI2, sparse, holds only the connectors the scheduled
// health check must probe. What the health check observed over time is bot data (`connectorHistoryKey`).

export const connectorKey = (teamId: string, connectorId: string): Key => ({ PK: `TEAM#${teamId}`, SK: `CONNECTOR#${connectorId}` });
export const connectorPrefix = (teamId: string) => ({ PK: `TEAM#${teamId}`, SKPrefix: 'CONNECTOR#' });
/** GSI1 partition of one bot's connectors; GSI1SK `<environment>#<status>#<connectorId>`. */
export const connectorBotPartition = (teamId: string, botId: string) => `TEAM#${teamId}#CONNECTORS#BOT#${botId}`;
/** GSI1SK prefix selecting one environment of a bot's connectors, and optionally one status in it. */
export const connectorBotSortPrefix = (environment: string, status?: string) => `${environment}#${status ? `${status}#` : ''}`;
/** GSI3 partition of a team's connectors in one environment; GSI3SK `<status>#<connectorId>`. */
export const connectorEnvPartition = (teamId: string, environment: string) => `TEAM#${teamId}#CONNECTORS#ENV#${environment}`;
/** GSI3SK prefix selecting one status in an environment's partition. */
export const connectorEnvSortPrefix = (status: string) => `${status}#`;
/** The status a GSI3SK (`<status>#<connectorId>`) names: metrics count from the key alone. */
export const statusOfConnectorEnvSortKey = (sk: string) => sk.slice(0, sk.indexOf('#'));

/**
 * The health-check index (GSI2) is spread over this many partitions, queried in parallel by the health check, so
 * no single index partition carries every write of a large fleet (each check rewrites the connector).
 */
export const HEALTH_CHECK_SHARDS = 4;
export const healthCheckPartition = (shard: number) => `HEALTHCHECK#${shard}`;
/** Stable shard of a connector id (FNV-1a of the id, modulo `HEALTH_CHECK_SHARDS`). */
export function healthCheckShardOf(connectorId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < connectorId.length; i++) h = Math.imul(h ^ connectorId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % HEALTH_CHECK_SHARDS;
}

/**
 * Index attributes of a connector item. `checkOrder` (an ISO instant, or `0` for "as soon as possible") sorts the
 * health-check partition so the least recently checked connectors are probed first; `null` leaves the connector
 * out of the health-check index (sparse GSI2: stopped connectors carry no GSI2 key at all).
 */
export function connectorIndexKeys(
  c: { teamId: string; id: string; botId: string; environment: string; status: string },
  checkOrder: string | null,
) {
  return {
    GSI1PK: connectorBotPartition(c.teamId, c.botId),
    GSI1SK: `${connectorBotSortPrefix(c.environment, c.status)}${c.id}`,
    GSI3PK: connectorEnvPartition(c.teamId, c.environment),
    GSI3SK: `${connectorEnvSortPrefix(c.status)}${c.id}`,
    ...(checkOrder === null ? {} : { GSI2PK: healthCheckPartition(healthCheckShardOf(c.id)), GSI2SK: `${checkOrder}#${c.teamId}#${c.id}` }),
  };
}

/** One health-check status change of a connector, kept with the bot's data (a reset hides it). Newest last. */
export const connectorHistoryKey = (
  teamId: string,
  botId: string,
  generation: number,
  connectorId: string,
  at: string,
  eventId: string,
): Key => ({
  PK: botDataPartition(teamId, botId, generation),
  SK: `CONNECTOR_EVENT#${connectorId}#${at}#${eventId}`,
});
export const connectorHistoryPrefix = (teamId: string, botId: string, generation: number, connectorId: string) => ({
  PK: botDataPartition(teamId, botId, generation),
  SKPrefix: `CONNECTOR_EVENT#${connectorId}#`,
});
