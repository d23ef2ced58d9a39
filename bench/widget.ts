/**
 * Web widget: what a visitor's browser costs botops.
 *
 * - `widget.js`: bytes as served, and gzip / brotli sizes as a CDN or browser would transfer them.
 * - `POST /widget/v1/sessions` and its preflight: the DynamoDB requests of each outcome, measured over HTTP with
 *   the local runtime's server and handler modules against an in-memory DynamoDB Local (second call of each
 *   outcome, after a warm-up). A session reads the bot-id index (Query) to learn the bot's team, then the bot item
 *   itself (strongly consistent GetItem, so a regenerated key is refused at once), then counts the session in the
 *   key's rate-limit window (one conditional UpdateItem); refusals stop before the counter.
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { BenchContext, BenchSection } from './support/context.js';
import { type CommandRecord, attachDynamoCounter } from './support/dynamo-counter.js';
import { markdownTable } from './support/markdown.js';
import { serveLocalApi } from './support/local-api.js';

export const widget: BenchSection = { name: 'widget', title: 'Web widget: script size and session requests', run };

const SITE = 'https://shop.example.com';

async function run(ctx: BenchContext): Promise<string> {
  await ctx.dynamo();
  const { WIDGET_JS } = await import('../shared/domain/widget/client-script.js');
  const { createTeam } = await import('../shared/domain/team/members.js');
  const { createBot } = await import('../shared/domain/bots/bots.js');
  const { updateWidgetSettings, revealWidgetKey } = await import('../shared/domain/widget/widget.js');
  const counter = await attachDynamoCounter();
  const api = await serveLocalApi(counter);
  const { port } = api;
  try {
    const team = await createTeam('Widget Bench', 'widget-bench@example.com');
    const actor = { email: team.email, role: 'super_admin' as const };
    const live = async (enabled: boolean) => {
      const bot = await createBot(team.teamId, { name: 'Bench widget' }, actor);
      await updateWidgetSettings(team.teamId, bot.id, { enabled, allowedDomains: [SITE] }, actor);
      return { id: bot.id, key: (await revealWidgetKey(team.teamId, bot.id, actor)).key };
    };
    const on = await live(true);
    const off = await live(false);
    const base = `http://127.0.0.1:${port}`;
    const post = (key: string, origin = SITE) => ({
      url: `${base}/widget/v1/sessions`,
      init: { method: 'POST', headers: { Origin: origin, 'X-Widget-Key': key } },
    });
    const cases: [string, { url: string; init: RequestInit }][] = [
      [
        'preflight, allowed origin',
        { url: `${base}/widget/v1/sessions?botId=${on.id}`, init: { method: 'OPTIONS', headers: { Origin: SITE } } },
      ],
      ['session 201', post(on.key)],
      ['session 401 (malformed key)', post('wk_nonsense')],
      ['session 401 (old or wrong key)', post(`${on.key.slice(0, -4)}AAAA`)],
      ['session 403 (origin not allowed)', post(on.key, 'https://evil.example')],
      ['session 403 (widget disabled)', post(off.key)],
    ];
    const rows: string[][] = [];
    for (const [label, { url, init }] of cases) {
      await fetch(url, init).then((r) => r.arrayBuffer());
      const { result: status, commands } = await counter.measure(async () => {
        const r = await fetch(url, init);
        await r.arrayBuffer();
        return r.status;
      });
      rows.push([label, String(status), breakdown(commands)]);
    }
    const bytes = Buffer.byteLength(WIDGET_JS);
    return [
      markdownTable(
        ['widget.js', 'bytes'],
        [
          ['as served', String(bytes)],
          ['gzip -9', String(gzipSync(WIDGET_JS, { level: 9 }).length)],
          ['brotli', String(brotliCompressSync(WIDGET_JS).length)],
        ],
        ['left', 'right'],
      ),
      '',
      markdownTable(['Request', 'Status', 'DynamoDB requests'], rows, ['left', 'right', 'left']),
      '',
      'A page view costs one cacheable script load (max-age 300 s, then a 304), one preflight per browser per 600 s, and one session.',
    ].join('\n');
  } finally {
    api.close();
    counter.detach();
  }
}

function breakdown(commands: CommandRecord[]): string {
  if (commands.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const c of commands) counts.set(c.command, (counts.get(c.command) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${name} ${n}`).join(', ');
}
