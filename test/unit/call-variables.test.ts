import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { movesForward } from '../../shared/domain/calls/fields.js';
import { CallEventInput, CallResultInput, DialoutInput } from '../../shared/domain/calls/schema.js';
import { retryDelaySeconds, parsePushMessage } from '../../shared/domain/calls/push.js';
import { snippets } from '../../shared/domain/calls/snippets.js';
import { crmVariables, variableReference } from '../../shared/domain/calls/variables.js';
import { declarationWarnings, declaredFields, validateDeclaredValues } from '../../shared/domain/calls/declarations.js';
import { signatureHeader } from '../../shared/domain/webhooks/signing-secret.js';

const bot = {
  customPrompt:
    'You are calling {{crm.first_name}} {{ crm.last_name }} about invoice {{crm.invoice_id}}. Never read {{crm.bad-name}} aloud.',
  openingMessage: 'Hi {{crm.first_name}}, this is Acme.',
  policy: null,
  reEngagement: { messages: ['Still there?', 'Hello {{crm.first_name}}? Your invoice {{crm.invoice_id}} is due {{crm.due_date}}.'] },
  analysisPrompt:
    'Summarise. Then fill {{analysis.sentiment: enum(positive | neutral | negative) - overall mood}}, {{analysis.score: integer - 1 to 5}}, ' +
    '{{analysis.note}}, {{analysis.when: date}} and {{qc.misplaced: boolean}}. Customer: {{crm.company}}.',
  qcPrompt: 'Did the bot greet {{crm.first_name}} by name? {{qc.greeted: boolean - greeted by name}} {{qc.rating: number}}',
  allowedSipHeaders: ['X-Campaign'],
  timezone: 'Europe/Paris',
};

describe('crm.* variables', () => {
  it('lists each placeholder once, in first-use order, with every field using it and an excerpt', () => {
    const vars = crmVariables(bot);
    expect(vars.map((v) => v.name)).toEqual(['crm.first_name', 'crm.last_name', 'crm.invoice_id', 'crm.due_date', 'crm.company']);
    expect(vars[0]!.usedIn).toEqual(['customPrompt', 'openingMessage', 'reEngagement.messages[1]', 'qcPrompt']);
    expect(vars[3]!.usedIn).toEqual(['reEngagement.messages[1]']);
    expect(vars[4]!.usedIn).toEqual(['analysisPrompt']);
    expect(vars[0]!.example).toContain('{{crm.first_name}}');
    expect(vars[2]!.example.startsWith('…')).toBe(true);
    expect(vars.every((v) => v.required && v.sampleValue)).toBe(true);
    expect(vars.map((v) => v.sampleValue)).toEqual(['Ada', 'Lovelace', 'CRM-12345', '2030-01-31', 'Acme Inc.']);
  });

  it('is empty for a bot without placeholders', () => {
    expect(crmVariables({ customPrompt: 'Hello {{name}} and {crm.x}' })).toEqual([]);
  });
});

describe('declared analysis and qc fields', () => {
  it('parses name, type, enum values and description from the matching prompt only', () => {
    expect(declaredFields(bot, 'analysis')).toEqual([
      {
        name: 'analysis.sentiment',
        type: 'enum',
        values: ['positive', 'neutral', 'negative'],
        description: 'overall mood',
        example: 'positive',
      },
      { name: 'analysis.score', type: 'integer', description: '1 to 5', example: '3' },
      { name: 'analysis.note', type: 'string', description: 'Declared by the analysis prompt.', example: 'text' },
    ]);
    expect(declaredFields(bot, 'qc').map((f) => [f.name, f.type])).toEqual([
      ['qc.greeted', 'boolean'],
      ['qc.rating', 'number'],
    ]);
  });

  it('warns about unknown types and fields declared in the wrong prompt', () => {
    const warnings = declarationWarnings(bot);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('{{analysis.when: date}}');
    expect(warnings[1]).toContain('declare those in qcPrompt');
  });

  it('validates values against the declarations, naming each path', () => {
    const declared = declaredFields(bot, 'analysis');
    expect(validateDeclaredValues('analysis', { sentiment: 'neutral', score: 4, note: null }, declared)).toEqual([]);
    expect(validateDeclaredValues('analysis', { sentiment: 'angry', score: 4.5, extra: 1, note: 3 }, declared)).toEqual([
      { path: 'analysis.sentiment', message: 'must be one of positive, neutral, negative' },
      { path: 'analysis.score', message: 'must be an integer' },
      { path: 'analysis.extra', message: 'not declared by the analysisPrompt (declared: sentiment, score, note)' },
      { path: 'analysis.note', message: 'must be a string' },
    ]);
    expect(validateDeclaredValues('qc', { greeted: 'yes' }, declaredFields(bot, 'qc'))).toEqual([
      { path: 'qc.greeted', message: 'must be a boolean' },
    ]);
    expect(validateDeclaredValues('qc', { x: 1 }, [])[0]!.message).toContain('declared: none');
  });
});

describe('variable reference', () => {
  it('has every namespace, SIP headers from the bot, and result fields matching the result schema', () => {
    const ref = variableReference(bot);
    expect(Object.keys(ref)).toEqual(['call', 'crm', 'result', 'analysis', 'qc', 'system']);
    expect(ref.call.map((v) => v.name)).toContain('call.sipHeaders.X-Campaign');
    expect(ref.result.map((v) => v.name)).toEqual([
      'result.status',
      'result.durationSeconds',
      'result.endedReason',
      'result.transferredTo',
      'result.answeredBy',
      'result.recordingUrl',
      'result.summary',
    ]);
    // every reported field except status (set by botops) is accepted from the telephony side, and nothing more
    expect(Object.keys(CallResultInput.shape).map((k) => `result.${k}`)).toEqual(
      ref.result.map((v) => v.name).filter((n) => n !== 'result.status'),
    );
    expect(ref.system.find((v) => v.name === 'system.timezone')!.example).toBe('Europe/Paris');
  });
});

describe('input schemas', () => {
  it('refuses result, analysis and qc on non-final events and unknown fields', () => {
    const r = CallEventInput.safeParse({ type: 'ringing', result: {}, analysis: {}, extra: 1 });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.') || i.code).sort()).toEqual(['analysis', 'result', 'unrecognized_keys']);
    expect(
      CallEventInput.safeParse({ type: 'completed', result: { durationSeconds: 12, endedReason: 'busy' }, analysis: { a: 1 } }).success,
    ).toBe(true);
    expect(CallEventInput.safeParse({ type: 'completed', result: { status: 'x' } }).success).toBe(false);
  });

  it('requires E.164 numbers and variable-shaped crm names', () => {
    expect(DialoutInput.safeParse({ to: '+14155550123', variables: { crm: { first_name: 'Ada' } } }).success).toBe(true);
    const bad = DialoutInput.safeParse({ to: '0415555', from: '+0123', variables: { crm: { 'bad-name': 'x' } }, sipHeaders: { Foo: 'x' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['to', 'from', 'variables', 'sipHeaders']));
  });

  it('moves statuses only forward', () => {
    expect(movesForward('queued', 'ringing')).toBe(true);
    expect(movesForward('queued', 'completed')).toBe(true);
    expect(movesForward('in_progress', 'ringing')).toBe(false);
    expect(movesForward('ringing', 'ringing')).toBe(false);
    expect(movesForward('completed', 'failed')).toBe(false);
  });
});

describe('push helpers', () => {
  it('signs timestamp.body with HMAC-SHA256, one v1 per secret (Stripe style)', () => {
    const body = '{"a":1}';
    const header = signatureHeader(body, ['whsec_new', 'whsec_old'], 1_700_000_000);
    const expected = (s: string) => createHmac('sha256', s).update(`1700000000.${body}`).digest('hex');
    expect(header).toBe(`t=1700000000,v1=${expected('whsec_new')},v1=${expected('whsec_old')}`);
  });

  it('backs off exponentially with jitter within [d/2, d]', () => {
    for (const retry of [1, 2, 3]) {
      const full = 30 * 2 ** (retry - 1);
      expect(retryDelaySeconds(retry, 30, () => 0)).toBe(full / 2);
      expect(retryDelaySeconds(retry, 30, () => 0.999999)).toBeCloseTo(full, 3);
    }
  });

  it('accepts only well-formed queue messages', () => {
    expect(parsePushMessage({ teamId: 't', callId: 'c' })).toEqual({ teamId: 't', callId: 'c', attempt: 1 });
    expect(parsePushMessage({ teamId: 't', callId: 'c', attempt: 5 })).toBeUndefined();
    expect(parsePushMessage({ teamId: 't' })).toBeUndefined();
    expect(parsePushMessage(null)).toBeUndefined();
  });
});

describe('snippets', () => {
  it('keep hostile bot names inside comments and quote values for sh', () => {
    const s = snippets({
      url: "https://api.example.com/x'y",
      body: { to: '+14155550123', variables: { crm: { name: "O'Brien $(id)" } } },
      botName: 'Evil\nrm -rf ~ """ \u2028',
    });
    for (const text of [s.curl, s.python, s.node]) expect(text).not.toMatch(/^rm -rf/m);
    expect(s.curl).toContain(`'https://api.example.com/x'\\''y'`);
    expect(s.curl).toContain(`O'\\''Brien $(id)`);
    expect(s.python).toContain('"name": "O\'Brien $(id)",');
    expect(s.node).toContain('crypto.randomUUID()');
  });
});
