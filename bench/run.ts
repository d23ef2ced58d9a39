/**
 * `npm run bench [-- <section>...]`: the checks of the performance budget, printed as
 * markdown. Runs every section by default, or only the named ones (`npm run bench -- bundles`). Budget misses
 * are reported, not fatal; the exit code is non-zero only when a section could not run. DynamoDB Local, started
 * by the first section that needs it, is always stopped at the end, also on Ctrl-C.
 *
 * Adding a section: a file under bench/ exporting a `BenchSection` (see support/context.ts), listed below.
 */
import { botReset } from './bot-reset.js';
import { auditExportBench } from './audit-export.js';
import { bundleSize } from './bundle-size.js';
import { campaignsBench } from './campaigns.js';
import { coldstart } from './coldstart.js';
import { dialoutBench } from './dialout.js';
import { consoleBench } from './console.js';
import { contactTimersBench } from './contact-timers.js';
import { dynamodbRequests } from './dynamodb-requests.js';
import { healthCheckBench } from './health-check.js';
import { type BenchSection, createBenchContext } from './support/context.js';
import { widget } from './widget.js';

// Node 20 is the documented minimum; the SDK's notice about its Node 22 floor would interleave with the tables.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.LOG_LEVEL ??= 'ERROR';
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';

const SECTIONS: readonly BenchSection[] = [
  dynamodbRequests,
  bundleSize,
  coldstart,
  widget,
  dialoutBench,
  campaignsBench,
  healthCheckBench,
  botReset,
  contactTimersBench,
  auditExportBench,
  consoleBench,
];

async function main(): Promise<number> {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !SECTIONS.some((s) => s.name === n));
  if (unknown.length) {
    console.error(`unknown bench section(s): ${unknown.join(', ')}; available: ${SECTIONS.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const selected = names.length ? SECTIONS.filter((s) => names.includes(s.name)) : SECTIONS;

  const ctx = createBenchContext();
  const interrupt = (signal: NodeJS.Signals) => {
    console.error(`bench: ${signal}, stopping DynamoDB Local`);
    void ctx.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  let failed = 0;
  try {
    for (const section of selected) {
      const started = Date.now();
      console.log(`## ${section.title} (\`${section.name}\`)\n`);
      try {
        console.log(await section.run(ctx));
      } catch (error) {
        failed++;
        console.log(`Section failed: ${(error as Error).stack ?? String(error)}`);
      }
      console.log(`\n_${section.name}: ${((Date.now() - started) / 1000).toFixed(1)} s_\n`);
    }
  } finally {
    await ctx.close();
  }
  return failed ? 1 : 0;
}

// Exit explicitly: SDK and fetch keep-alive sockets must not hold the process open after the report.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
