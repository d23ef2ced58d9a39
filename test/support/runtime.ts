import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { freePort } from '../../infra/local/ports.js';
import { checkResponseContract } from './contract.js';

export type Creds = { baseUrl: string; teamId: string; memberId: string; email: string; apiKey: string };
export type Runtime = {
  baseUrl: string;
  dataDir: string;
  creds: Creds;
  child: ChildProcess;
  stop: () => Promise<void>;
  output: () => string;
};

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Starts `infra/local/start.ts` (what `npm start` runs) as a child process on a free port and waits for its
 * "listening" line. By default it reuses the test run's DynamoDB Local (`DYNAMODB_ENDPOINT`) to spare a JVM;
 * `ownDynamo: true` makes it start its own Java process exactly as a newcomer's `npm start` does.
 */
export async function startRuntime(opts: { dataDir?: string; ownDynamo?: boolean; env?: Record<string, string> } = {}): Promise<Runtime> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'botops-e2e-'));
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    LOCAL_DATA_DIR: dataDir,
    ...opts.env,
  };
  delete env.TABLE_NAME;
  delete env.VITEST;
  if (opts.ownDynamo) delete env.DYNAMODB_ENDPOINT;
  else env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`runtime did not start:\n${out}`)), 90_000);
    child.stdout!.on('data', () => {
      if (!out.includes('listening')) return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`runtime exited ${code}:\n${out}`));
    });
  });
  const creds = JSON.parse(readFileSync(join(dataDir, 'dev-credentials.json'), 'utf8')) as Creds;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    creds,
    child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs the operator CLI against a runtime's data dir; returns its one JSON line. */
export async function adminCreateTeam(dataDir: string, name: string, email: string) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LOCAL_DATA_DIR: dataDir };
  delete env.TABLE_NAME;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'infra/local/admin.ts', 'create-team', '--name', name, '--email', email],
    { cwd: ROOT, env },
  );
  return JSON.parse(stdout.trim()) as { teamId: string; memberId: string; apiKey: string };
}

/** A small fetch client bound to a runtime and a key. */
export function client(baseUrl: string, apiKey?: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    checkResponseContract(method, path, res.status, json);
    return { status: res.status, headers: res.headers, json, text };
  };
}
