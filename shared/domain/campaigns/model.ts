import { type CallingWindow, DEFAULT_CALLING_WINDOW, DEFAULT_RETRY, type RetryDelays } from './schedule.js';
import { type CampaignContactStatus, type CampaignStatus, CONTACT_STATUSES } from './schema.js';

/**
 * A campaign as the API returns it: who it calls with (`botId`, `fromNumber`), when (`callingWindow` in each
 * contact's own zone, `defaultTimezone` for contacts without one, `startAt` / `endAt`), how hard (`maxConcurrentCalls`,
 * `maxAttempts`, `retry` per outcome), its status, and `progress`: its contacts counted per status, kept in the same
 * transaction as every contact change, so reading it is one GetItem. `inFlight` counts its calls in flight.
 */
export type Campaign = {
  id: string;
  name: string;
  botId: string;
  status: CampaignStatus;
  fromNumber: string | null;
  callingWindow: CallingWindow;
  defaultTimezone: string | null;
  maxConcurrentCalls: number;
  maxAttempts: number;
  retry: RetryDelays;
  startAt: string | null;
  endAt: string | null;
  progress: Progress;
  inFlight: number;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  stoppedAt: string | null;
  completedAt: string | null;
};
/** `version` backs the ETag; the counters (`progress`, `inFlight`) change without bumping it. */
export type StoredCampaign = Campaign & { teamId?: string; version: number };

export type Progress = { total: number } & Record<CampaignContactStatus, number>;
export const emptyProgress = (): Progress => ({ total: 0, ...Object.fromEntries(CONTACT_STATUSES.map((s) => [s, 0])) }) as Progress;

/** The dialling defaults of a campaign created with `{ name, botId }` alone. */
export const CAMPAIGN_DEFAULTS = {
  fromNumber: null,
  callingWindow: DEFAULT_CALLING_WINDOW,
  defaultTimezone: null,
  maxConcurrentCalls: 5,
  maxAttempts: 3,
  retry: DEFAULT_RETRY,
  startAt: null,
  endAt: null,
} as const satisfies Partial<Campaign>;

/** The API shape of a stored campaign (also of items stored before the dialling fields existed). */
export function toCampaign(item: Record<string, unknown>): Campaign {
  const c = item as Partial<StoredCampaign>;
  return {
    id: c.id as string,
    name: c.name as string,
    botId: c.botId as string,
    status: c.status as CampaignStatus,
    fromNumber: c.fromNumber ?? null,
    callingWindow: c.callingWindow ?? DEFAULT_CALLING_WINDOW,
    defaultTimezone: c.defaultTimezone ?? null,
    maxConcurrentCalls: c.maxConcurrentCalls ?? CAMPAIGN_DEFAULTS.maxConcurrentCalls,
    maxAttempts: c.maxAttempts ?? CAMPAIGN_DEFAULTS.maxAttempts,
    retry: { ...DEFAULT_RETRY, ...c.retry },
    startAt: c.startAt ?? null,
    endAt: c.endAt ?? null,
    progress: { ...emptyProgress(), ...c.progress },
    inFlight: Math.max(0, Number(c.inFlight ?? 0)),
    createdAt: c.createdAt as string,
    updatedAt: c.updatedAt as string,
    startedAt: c.startedAt ?? null,
    stoppedAt: c.stoppedAt ?? null,
    completedAt: c.completedAt ?? null,
  };
}

/** Contacts not yet final: a campaign with none left (and at least one contact) is complete. */
export const openContacts = (p: Progress) => p.pending + p.scheduled + p.dialing;
