import { describe, expect, it } from 'vitest';
import { BotUpdateInput } from '../../shared/domain/bots/schema.js';
import { declarationWarnings, declaredFields } from '../../shared/domain/calls/declarations.js';

// Inputs that made the former regular expressions backtrack for hours: each check below must answer within
// the test timeout, on inputs at the field's maximum length.
describe('pattern checks on user input are linear', () => {
  it('refuses a 64-character near-zone name at once, and still accepts and normalises real zones', () => {
    const evil = `a${'_'.repeat(62)}!`;
    const r = BotUpdateInput.safeParse({ timezone: evil });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['timezone']);
    expect(BotUpdateInput.parse({ timezone: 'europe/paris' }).timezone).toBe('Europe/Paris');
    expect(BotUpdateInput.parse({ timezone: 'America/Argentina/Buenos_Aires' }).timezone).toBe('America/Argentina/Buenos_Aires');
    expect(BotUpdateInput.parse({ timezone: 'Etc/GMT+5' }).timezone).toBe('Etc/GMT+5');
    expect(BotUpdateInput.safeParse({ timezone: '+01:00' }).success).toBe(false);
    expect(BotUpdateInput.safeParse({ timezone: 'a'.repeat(65) }).success).toBe(false);
  });

  it('parses analysis declarations in a 20,000-character prompt of spaces and dashes without backtracking', () => {
    const prompt = `{{analysis.x: string -${' '.repeat(19_950)}}`;
    expect(declaredFields({ analysisPrompt: prompt }, 'analysis')).toEqual([]);
    const spaces = `{{analysis.a: string - ${' - '.repeat(6_000)}`;
    expect(declarationWarnings({ analysisPrompt: spaces })).toEqual([]);
    const many = '{{analysis.x: enum(a|b)  '.repeat(700);
    expect(declaredFields({ analysisPrompt: many }, 'analysis')).toEqual([]);
  });

  it('keeps the declaration grammar: types, enum values, descriptions, and warnings for malformed ones', () => {
    const analysisPrompt = [
      '{{analysis.sentiment: enum(positive| neutral |negative) - caller mood}}',
      '{{ analysis.score : integer }}',
      '{{analysis.note}}',
      '{{analysis.bad: date - no such type}}',
      '{{qc.misplaced: boolean}}',
    ].join('\n');
    expect(declaredFields({ analysisPrompt }, 'analysis').map((v) => [v.name, v.type, v.values, v.description])).toEqual([
      ['analysis.sentiment', 'enum', ['positive', 'neutral', 'negative'], 'caller mood'],
      ['analysis.score', 'integer', undefined, 'Declared by the analysis prompt.'],
      ['analysis.note', 'string', undefined, 'Declared by the analysis prompt.'],
    ]);
    const warnings = declarationWarnings({ analysisPrompt });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('{{analysis.bad: date - no such type}}');
    expect(warnings[1]).toContain('declares a qc.* field');
  });
});
