import type { Server } from 'node:http';
import { ROUTES } from '../../functions/routes.js';
import { freePort } from '../../infra/local/ports.js';
import { createLocalApi } from '../../infra/local/server.js';
import type { DynamoCounter } from './dynamo-counter.js';

type LoadHandler = Parameters<typeof createLocalApi>[0]['loadHandler'];

/**
 * The route table served in this process by the local runtime's HTTP server (same authorizer and handler
 * modules as `npm start` and the stack) on a free loopback port. With a `counter`, DynamoDB commands are
 * attributed to the authorizer or the handler phase of each request.
 */
export async function serveLocalApi(
  counter?: DynamoCounter,
): Promise<{ port: number; baseUrl: string; server: Server; close: () => void }> {
  const loadHandler: LoadHandler = async (module) => {
    const { handler } = (await import(`../../functions/${module}.ts`)) as { handler: Awaited<ReturnType<LoadHandler>> };
    return counter ? counter.inPhase(module === 'authorizer' ? 'authorizer' : 'handler', handler) : handler;
  };
  const server = createLocalApi({ routes: ROUTES, loadHandler });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    server,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}
