import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from '../../db/client.js';
import { botKey } from '../../db/keys.js';
import type { StoredBot } from '../bots/model.js';
import { getTeamSettings } from '../team/settings.js';

import type { DispatchStats } from './dispatcher.js';

const T = () => tableName();

/* The state one dispatcher pass shares: its clock and budget, and the bots and team slots it read once. */

/** Why a contact of a batch was not dialled: the campaign's or the team's slots ran out, the bot changed, or it was skipped. */
export class CampaignFull extends Error {}
export class TeamFull extends Error {}
export class BotUnavailable extends Error {}
export class Skip extends Error {}

export type PassContext = {
  now: () => number;
  deadline: number;
  stats: DispatchStats;
  /** Free slots per team, read once per pass and counted down as this pass takes them. */
  teams: Map<string, Promise<{ free: number; max: number }>>;
  bots: Map<string, Promise<StoredBot | undefined>>;
  dialsLeft: number;
};

export const botOf = (ctx: PassContext, teamId: string, botId: string) => {
  const key = `${teamId}/${botId}`;
  if (!ctx.bots.has(key)) {
    ctx.bots.set(
      key,
      doc.send(new GetCommand({ TableName: T(), Key: botKey(teamId, botId) })).then((r) => r.Item as StoredBot | undefined),
    );
  }
  return ctx.bots.get(key) as Promise<StoredBot | undefined>;
};

export const teamOf = (ctx: PassContext, teamId: string) => {
  if (!ctx.teams.has(teamId)) {
    ctx.teams.set(
      teamId,
      getTeamSettings(teamId, true).then((s) => ({ free: s.maxConcurrentCalls - s.inFlight, max: s.maxConcurrentCalls })),
    );
  }
  return ctx.teams.get(teamId) as Promise<{ free: number; max: number }>;
};
