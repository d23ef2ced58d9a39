import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROUTES } from '../../functions/routes.js';
import { JOB_NEEDS } from '../route-needs.js';

/** The checkout's root: handler entries, the lock file and the build output are resolved from here, not cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where `npm run build:functions` (and every `cdk synth`) writes one directory per function: `<module>/index.mjs`. */
export const DEFAULT_FUNCTIONS_DIR = join(REPO_ROOT, 'dist', 'functions');

/**
 * CDK context key naming the directory the stack takes function code from (`<dir>/<module>/index.mjs`). The app
 * sets it to the build it just made; tests set it to a placeholder tree. Unset: {@link DEFAULT_FUNCTIONS_DIR}.
 */
export const FUNCTIONS_DIR_CONTEXT = 'botops:functionsDir';

/** The Lambda handler of every bundle: `export const handler` of `index.mjs`. */
export const BUNDLE_HANDLER = 'index.handler';
export const BUNDLE_FILE = 'index.mjs';

/**
 * Every handler module the stack deploys, under `functions/` without extension: the authorizer, one per route of
 * the route table, and the jobs of `JOB_NEEDS`.
 */
export const FUNCTION_MODULES: readonly string[] = [
  ...new Set(['authorizer', ...ROUTES.map((r) => r.handler), ...Object.keys(JOB_NEEDS)]),
].sort();

/** Directory of `module`'s bundle under `functionsDir`. */
export const bundleDirOf = (functionsDir: string, module: string) => join(functionsDir, ...module.split('/'));
