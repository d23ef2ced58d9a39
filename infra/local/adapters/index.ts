import { asyncInvokerAdapter } from '../../../shared/ports/async-invoke.js';
import { eventBusAdapter } from '../../../shared/ports/event-bus.js';
import { contactTimersAdapter } from '../../../shared/ports/scheduler.js';
import { sessionSecretAdapter } from '../../../shared/ports/session-secret.js';
import { workQueueAdapter } from '../../../shared/ports/work-queue.js';
import { LocalInvoker } from './async-invoke.js';
import { TableContactTimers } from './contact-timers.js';
import { LocalFileBus } from './event-bus.js';
import { LocalFileSecret } from './session-secret.js';
import { LocalWorkQueue } from './work-queue.js';

/**
 * Gives every port its local adapter, for the processes that run in local mode: the local runtime (`npm start`),
 * the operator CLI on local data, and the tests. Call it before the first use of a port.
 */
export function provideLocalAdapters(): void {
  asyncInvokerAdapter.provideLocal(() => new LocalInvoker());
  eventBusAdapter.provideLocal(() => new LocalFileBus());
  workQueueAdapter.provideLocal(() => new LocalWorkQueue());
  contactTimersAdapter.provideLocal(() => new TableContactTimers());
  sessionSecretAdapter.provideLocal(() => new LocalFileSecret());
}
