import type * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../shared/domain/bots/model.js';
import { cloneName } from '../../shared/domain/bots/lifecycle.js';
import {
  BotCreateInput,
  BotUpdateInput,
  LANGUAGES,
  MODELS,
  STEP_OF_FIELD,
  WIZARD_STEPS,
  decorateWizardErrors,
} from '../../shared/domain/bots/schema.js';
import { parseOr400 } from '../../shared/http/validate.js';

type Body = { errors: { path: string; message: string; step?: string }[]; firstInvalidStep: string | null };
const problemOf = (input: unknown, schema: z.ZodType = BotUpdateInput): Body => {
  try {
    parseOr400(schema, input, decorateWizardErrors);
  } catch (e) {
    return (e as { toBody(): Body }).toBody();
  }
  throw new Error('expected a validation error');
};
const stepsByPath = (b: Body) => Object.fromEntries(b.errors.map((e) => [e.path, e.step]));

describe('bot configuration by wizard step', () => {
  it('answers errors in behavior and identity together with firstInvalidStep "identity", each error naming its step', () => {
    const body = problemOf({ reEngagement: { retries: 11 }, minWordsToInterrupt: -1, industry: 'x'.repeat(101) });
    expect(stepsByPath(body)).toEqual({ 'reEngagement.retries': 'behavior', minWordsToInterrupt: 'behavior', industry: 'identity' });
    expect(body.firstInvalidStep).toBe('identity');
  });

  it('orders firstInvalidStep by the wizard, not by the body', () => {
    const one = {
      widget: { color: 'red' },
      tools_integrations: { qcPrompt: 1 },
      behavior: { maxCallDurationSeconds: 10 },
      voice_pipeline: { voicePipeline: { speechToText: 'dictaphone' } },
      policy: { policy: 7 },
      instructions: { model: 'gpt-5' },
      identity: { language: 'fr' },
    } as const;
    const steps = [...WIZARD_STEPS].reverse();
    for (let i = 0; i < steps.length; i++) {
      const body = Object.assign({}, ...steps.slice(0, i + 1).map((s) => one[s]));
      expect(problemOf(body).firstInvalidStep).toBe(steps[i]);
    }
  });

  it('takes language and model only from the documented lists', () => {
    expect(LANGUAGES).toEqual(['en', 'jp']);
    expect(MODELS).toEqual(['gpt-3.5-turbo', 'gpt-4', 'gpt-4-1106-preview']);
    expect(stepsByPath(problemOf({ language: 'fr', model: 'gpt-5' }))).toEqual({ language: 'identity', model: 'instructions' });
  });

  it('accepts IANA zones, stored in their IANA spelling, and refuses offsets and made-up zones', () => {
    const tz = (timezone: string) => BotUpdateInput.safeParse({ timezone });
    expect(tz('europe/paris').data?.timezone).toBe('Europe/Paris');
    expect(tz('utc').data?.timezone).toBe('UTC');
    expect(tz('America/Argentina/Buenos_Aires').data?.timezone).toBe('America/Argentina/Buenos_Aires');
    expect(tz('US/Pacific').data?.timezone).toBe('US/Pacific');
    for (const bad of ['+01:00', 'GMT+1', 'Mars/Olympus', 'Europe/Pariss', '', 'Europe/Paris\n']) expect(tz(bad).success, bad).toBe(false);
  });

  it('checks hex colours, outbound URLs and E.164 numbers', () => {
    const body = problemOf({
      color: '#12345',
      crmPrefetch: { url: 'https://169.254.169.254/latest/meta-data' },
      postCallPush: { url: 'ftp://crm.example.com/hook' },
      transferTargets: [
        { name: 'Desk', number: '+0123456789' },
        { name: 'Ok', number: '+442071838750' },
      ],
      supportLink: 'javascript:alert(1)',
    });
    expect(stepsByPath(body)).toEqual({
      color: 'widget',
      'crmPrefetch.url': 'tools_integrations',
      'postCallPush.url': 'tools_integrations',
      'transferTargets[0].number': 'tools_integrations',
      supportLink: 'widget',
    });
    expect(
      BotUpdateInput.safeParse({
        color: '#fff',
        crmPrefetch: { url: 'https://crm.example.com/lookup' },
        transferTargets: [{ name: 'UK', number: '+442071838750' }],
      }).success,
    ).toBe(true);
  });

  it('bounds strings, arrays and numbers', () => {
    const body = problemOf({
      name: 'n'.repeat(101),
      customPrompt: 'p'.repeat(20_001),
      tools: [
        { name: 'lookup', description: 'a' },
        { name: 'Lookup', description: 'b' },
      ],
      allowedSipHeaders: Array.from({ length: 21 }, (_, i) => `X-H${i}`),
      reEngagement: { gapSeconds: 2, messages: Array.from({ length: 11 }, () => 'hello?') },
      vad: { threshold: 1.5, silenceMs: 50, prefixPaddingMs: 2001 },
      maxCallDurationSeconds: 14_401,
      maxMessagesPerContact: 0,
      labels: { firstMessage: 'm'.repeat(501) },
    });
    expect(Object.keys(stepsByPath(body)).sort()).toEqual(
      [
        'allowedSipHeaders',
        'customPrompt',
        'labels.firstMessage',
        'maxCallDurationSeconds',
        'maxMessagesPerContact',
        'name',
        'reEngagement.gapSeconds',
        'reEngagement.messages',
        'tools[1].name',
        'vad.prefixPaddingMs',
        'vad.silenceMs',
        'vad.threshold',
      ].sort(),
    );
    expect(body.errors.find((e) => e.path === 'tools[1].name')!.message).toBe('tool names must be unique');
  });

  it('accepts any subset on create (name required) and update, and names a step for every editable field', () => {
    expect(BotCreateInput.safeParse({ name: 'Only a name' }).success).toBe(true);
    expect(BotUpdateInput.safeParse({}).success).toBe(true);
    expect(problemOf({}, BotCreateInput).errors).toEqual([{ path: 'name', message: expect.any(String), step: 'identity' }]);
    const fields = Object.keys(STEP_OF_FIELD);
    expect(fields).toEqual(
      expect.arrayContaining([
        'industry',
        'timezone',
        'region',
        'openingMessage',
        'policy',
        'voicePipeline',
        'maxCallDurationSeconds',
        'reEngagement',
        'vad',
        'minWordsToInterrupt',
        'tools',
        'transferTargets',
        'allowedSipHeaders',
        'analysisPrompt',
        'qcPrompt',
        'crmPrefetch',
        'postCallPush',
        'allowedDomains',
      ]),
    );
    expect(new Set(Object.values(STEP_OF_FIELD))).toEqual(new Set(WIZARD_STEPS));
    // clone copies these fields: the defaults (plus the name) must be exactly the wizard's fields
    expect(['name', ...Object.keys(defaultConfig())].sort()).toEqual(fields.sort());
  });
});

describe('clone name', () => {
  it('appends " (copy)" and cuts the name to stay within 100 characters without splitting a character', () => {
    expect(cloneName('Support')).toBe('Support (copy)');
    expect(cloneName('a'.repeat(100))).toBe(`${'a'.repeat(93)} (copy)`);
    const emoji = `${'a'.repeat(92)}😀😀`;
    const cut = cloneName(emoji);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).toBe(`${'a'.repeat(92)} (copy)`);
    expect(BotCreateInput.safeParse({ name: cloneName('z'.repeat(100)) }).success).toBe(true);
  });
});
