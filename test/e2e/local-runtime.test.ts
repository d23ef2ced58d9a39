import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { adminCreateTeam, client, type Runtime, startRuntime } from '../support/runtime.js';

/** What a newcomer does: `npm start` with its own DynamoDB Local (Java), the seed's examples, restarts, the CLI. */
const ROOT = new URL('../..', import.meta.url).pathname;
const EXAMPLES = join(ROOT, '..', 'shared', 'tools', 'docsbot-examples.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'botops-newcomer-'));
let rt: Runtime | undefined;
afterAll(() => rt?.stop());

const javaPidsFor = (dir: string) =>
  execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes('DynamoDBLocal.jar') && l.includes(dir));

// Each start here launches its own JVM: give it the room a loaded CI machine needs.
describe('npm start (own DynamoDB Local)', { timeout: 120_000 }, () => {
  it('runs the DocsBot Admin API examples as printed: 14 passed, 0 failed', async () => {
    rt = await startRuntime({ dataDir, ownDynamo: true });
    const creds = JSON.parse(readFileSync(join(dataDir, 'dev-credentials.json'), 'utf8'));
    expect(Object.keys(creds).sort()).toEqual(['apiKey', 'baseUrl', 'email', 'memberId', 'teamId']);
    expect(rt.output()).toContain(creds.apiKey);
    // Vite sets BASE_URL=/ in the test process; the tool would take it for the API's address.
    const { BASE_URL: _vite, ...env } = process.env;
    const { stdout } = await promisify(execFile)(process.execPath, [EXAMPLES], { cwd: ROOT, env: { ...env, LOCAL_DATA_DIR: dataDir } });
    expect(stdout.trim().split('\n').at(-1)).toBe('14 passed, 0 failed');
  });

  it('lets the operator CLI write a team into the running runtime', async () => {
    const t = await adminCreateTeam(dataDir, 'CLI Team', 'ops@cli.test');
    expect(t).toEqual({ teamId: expect.any(String), memberId: expect.any(String), apiKey: expect.stringMatching(/^bo_/) });
    const r = await client(rt!.baseUrl, t.apiKey)('GET', `/api/teams/${t.teamId}`);
    expect(r.json).toMatchObject({ id: t.teamId, name: 'CLI Team' });
  });

  it('stops Java on SIGTERM and keeps every bot and the demo key across a restart', async () => {
    const api = client(rt!.baseUrl, rt!.creds.apiKey);
    const bot = (await api('POST', `/api/teams/${rt!.creds.teamId}/bots`, { name: 'Survivor' })).json;
    expect(javaPidsFor(dataDir)).toHaveLength(1);
    await rt!.stop();
    await new Promise((r) => setTimeout(r, 500));
    expect(javaPidsFor(dataDir)).toHaveLength(0);
    expect(existsSync(join(dataDir, 'runtime.json'))).toBe(false);

    const teamBefore = rt!.creds.teamId;
    rt = await startRuntime({ dataDir, ownDynamo: true });
    expect(rt.creds.teamId).toBe(teamBefore);
    const again = await client(rt.baseUrl, rt.creds.apiKey)('GET', `/api/teams/${teamBefore}/bots/${bot.id}`);
    expect(again.json.name).toBe('Survivor');
  });

  it('exits 1 with one line saying what to install when there is no Java', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
      cwd: ROOT,
      env: { PATH: '/nonexistent', HOME: process.env.HOME ?? '/tmp', LOCAL_DATA_DIR: mkdtempSync(join(tmpdir(), 'nojava-')), PORT: '0' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    const lines = r.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('npm warn'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Java 17.*install/);
  });
});
