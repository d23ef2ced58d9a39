import { describe, expect, it } from 'vitest';
import { applyUpdate, defaultConfig } from '../../shared/domain/bots/model.js';
import { BotCreateInput, BotUpdateInput, decorateWizardErrors } from '../../shared/domain/bots/schema.js';
import { parseOr400 } from '../../shared/http/validate.js';

const errorsOf = (input: unknown) => {
  try {
    parseOr400(BotUpdateInput, input, decorateWizardErrors);
  } catch (e) {
    return (e as { toBody(): { errors: { path: string; step?: string }[]; firstInvalidStep: string | null } }).toBody();
  }
  throw new Error('expected a validation error');
};

describe('bot configuration model', () => {
  it('accepts the values the DocsBot Admin API examples send', () => {
    const seedUpdate = {
      name: 'Bilbo Baggins Team',
      description: 'Ask me anything about your product.',
      customPrompt: 'Talk like a pirate for all responses.',
      privacy: 'private',
      language: 'en',
      allowedDomains: ['docsbot.ai', 'app.docsbot.ai'],
      color: '#1292EE',
      icon: 'default',
      alignment: 'right',
      botIcon: false,
      branding: true,
      supportLink: '',
      showButtonLabel: false,
      labels: {
        firstMessage: 'What can I help you with?',
        sources: 'Sources',
        getSupport: 'Contact',
        helpful: 'Rate as helpful',
        poweredBy: 'Powered by',
        unhelpful: 'Rate as unhelpful',
        floatingButton: 'Help',
        inputPlaceholder: 'Send a message...',
      },
    };
    expect(BotUpdateInput.safeParse(seedUpdate).success).toBe(true);
    expect(BotCreateInput.safeParse({ name: 'x', privacy: 'public', language: 'en' }).success).toBe(true);
    expect(BotCreateInput.safeParse({ description: 'no name' }).success).toBe(false);
  });

  it('validates time zones, E.164 targets, durations, URLs and ranges, naming each step', () => {
    const body = errorsOf({
      timezone: 'Mars/Olympus',
      transferTargets: [{ name: 'Desk', number: '555-1234' }],
      autoReactivateAfter: 'P1M',
      postCallPush: { url: 'http://crm.example.com/hook' },
      vad: { threshold: 2 },
      minWordsToInterrupt: 50,
      voicePipeline: { voice: 'robot' },
    });
    const byPath = Object.fromEntries(body.errors.map((e) => [e.path, e.step]));
    expect(byPath).toEqual({
      timezone: 'identity',
      'transferTargets[0].number': 'tools_integrations',
      autoReactivateAfter: 'behavior',
      'postCallPush.url': 'tools_integrations',
      'vad.threshold': 'behavior',
      minWordsToInterrupt: 'behavior',
      'voicePipeline.voice': 'voice_pipeline',
    });
    expect(body.firstInvalidStep).toBe('identity');
  });

  it('puts firstInvalidStep on the earliest wizard step, and gives unknown top-level fields no step', () => {
    expect(errorsOf({ policy: 5, mode: 'always' }).firstInvalidStep).toBe('policy');
    const unknown = errorsOf({ questionCount: 3 });
    expect(unknown.errors).toEqual([{ path: 'questionCount', message: 'unknown or read-only field' }]);
    expect(unknown.firstInvalidStep).toBeNull();
    expect(errorsOf({ labels: { nope: 'x' } }).errors[0]).toMatchObject({ path: 'labels.nope', step: 'widget' });
  });

  it('merges object settings one level deep and replaces everything else', () => {
    const next = applyUpdate(defaultConfig() as Record<string, unknown>, {
      vad: { threshold: 0.8 },
      tools: [],
      labels: { sources: 'Refs' },
    });
    expect(next.vad).toEqual({ threshold: 0.8, silenceMs: 500, prefixPaddingMs: 300 });
    expect((next.labels as Record<string, string>).sources).toBe('Refs');
    expect((next.labels as Record<string, string>).getSupport).toBe('Contact');
  });
});
