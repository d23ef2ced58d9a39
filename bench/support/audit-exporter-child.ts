/**
 * Runs the audit exporter once in a process of its own (bundled by bench/audit-export.ts, run with plain
 * `node`, like Lambda runs the deployed bundle) so the bench can measure the exporter's own memory: RSS sampled
 * every 100 ms, and the kernel's peak (`getrusage` maxRSS). Prints one JSON line.
 *
 * Usage: node audit-exporter-child.mjs <teamId> <exportId> [syntheticRows]
 * Without `syntheticRows` it is the Lambda handler reading DynamoDB; with it, the same `runAuditExport` whose
 * events come from a generator (pages of 1,000 events, like DynamoDB's ~1 MB pages), to measure the CSV and
 * upload stages alone at any size.
 */
import { handler } from '../../functions/audit-exporter.js';
import type { AuditEvent } from '../../shared/audit/audit.js';
import { runAuditExport } from '../../shared/audit/csv-export.js';

const [teamId, exportId, synthetic] = process.argv.slice(2) as [string, string, string | undefined];

async function* generated(rows: number): AsyncGenerator<AuditEvent[]> {
  const base = Date.parse('2024-01-01T00:00:00Z');
  for (let start = rows - 1; start >= 0; start -= 1000) {
    const page: AuditEvent[] = [];
    for (let i = start; i > start - 1000 && i >= 0; i--) {
      const bot = `01HBOT${String(i % 200).padStart(20, '0')}`;
      page.push({
        id: `01HEVENT${String(i).padStart(18, '0')}`,
        at: new Date(base + i * 1000).toISOString(),
        actorEmail: `member${i % 40}@example.com`,
        actorRole: 'admin',
        module: 'bots',
        action: 'update',
        botId: bot,
        targetId: bot,
        changes: {
          description: {
            before: 'Answers billing questions, in English.',
            after: `Answers billing questions, in English and French (rev ${i}).`,
          },
        },
      });
    }
    yield page;
  }
}

const started = Date.now();
const samples: [number, number][] = [];
const sample = () => samples.push([Date.now() - started, process.memoryUsage.rss()]);
const timer = setInterval(sample, 100);
sample();
const outcome = synthetic
  ? await runAuditExport(teamId, exportId, { source: () => generated(Number(synthetic)) })
  : await handler({ teamId, exportId });
clearInterval(timer);
sample();
process.stdout.write(
  `${JSON.stringify({ outcome, ms: Date.now() - started, maxRssBytes: process.resourceUsage().maxRSS * 1024, samples })}\n`,
);
process.exit(0);
