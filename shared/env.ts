/**
 * Environment access. Every variable a Lambda needs is read through `requireEnv`, once, at module scope,
 * so a missing setting fails the cold start loudly instead of a request quietly.
 */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} is not set`);
  return value;
}

/** `LOCAL_MODE=true` is set only by the local runtime (`npm start`) and the test suite. */
export function isLocalMode(): boolean {
  return process.env.LOCAL_MODE === 'true';
}
