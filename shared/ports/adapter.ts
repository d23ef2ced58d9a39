import { isLocalMode } from '../config.js';

/**
 * Which adapter of a port this process uses: the AWS one, or in local mode (`npm start`, the tests) the local one
 * that the local runtime provides (`infra/local/adapters`), so that shared code never carries what only the local
 * runtime needs. Each is created once, on first use. `use()` puts another in place of both (tests inject an AWS
 * adapter behind a mocked client); `use(undefined)` goes back.
 */
export class PortAdapter<T> {
  private aws?: T;
  private local?: T;
  private localFactory?: () => T;
  private override?: T;

  constructor(
    private readonly port: string,
    private readonly createAws: () => T,
  ) {}

  /** The adapter for now: the override, else the local one in local mode, else the AWS one. */
  get(): T {
    if (this.override) return this.override;
    if (!isLocalMode()) {
      this.aws ??= this.createAws();
      return this.aws;
    }
    if (!this.localFactory)
      throw new Error(`local mode, but no local adapter of the ${this.port} port was provided (infra/local/adapters)`);
    this.local ??= this.localFactory();
    return this.local;
  }

  /** The local runtime: how to create this port's local adapter. */
  provideLocal(factory: () => T): void {
    this.localFactory = factory;
    this.local = undefined;
  }

  /** Tests: use `next` whatever the mode, until `use(undefined)`. */
  use(next: T | undefined): void {
    this.override = next;
  }
}
