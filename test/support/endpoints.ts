import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Real local health endpoints for connector tests, on one loopback server:
 * `/ok` answers 200, `/fail` 500, `/hang` never answers, and `/switch/<name>` answers what `set(name, mode)`
 * last chose (default `ok`), so a test can take a running connector's endpoint down and up again.
 * `hits(path)` counts requests per path.
 */
export type Endpoints = {
  base: string;
  url: (path: string) => string;
  set: (name: string, mode: 'ok' | 'fail' | 'hang') => void;
  hits: (path: string) => number;
  close: () => Promise<void>;
};

export async function startEndpoints(): Promise<Endpoints> {
  const modes = new Map<string, 'ok' | 'fail' | 'hang'>();
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const mode = path.startsWith('/switch/')
      ? (modes.get(path.slice('/switch/'.length)) ?? 'ok')
      : path === '/ok'
        ? 'ok'
        : path === '/fail'
          ? 'fail'
          : path === '/hang'
            ? 'hang'
            : 'fail';
    if (mode === 'hang') return; // keep the socket open until the client gives up
    res.writeHead(mode === 'ok' ? 200 : 500, { 'content-type': 'text/plain' }).end(mode);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: (path) => `${base}${path}`,
    set: (name, mode) => void modes.set(name, mode),
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
