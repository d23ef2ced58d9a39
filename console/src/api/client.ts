import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The API key lives in this tab's sessionStorage only: closing the tab signs out, nothing is ever persisted. */
const KEY_ITEM = 'botops.apiKey';
/** Who the key was at the last check: lets a reload paint at once while `GET /api/me` checks the key again. */
const ME_ITEM = 'botops.me';

export const keyStore = {
  get: (): string | null => sessionStorage.getItem(KEY_ITEM),
  set: (key: string) => {
    sessionStorage.setItem(KEY_ITEM, key);
    sessionStorage.removeItem(ME_ITEM);
  },
  clear: () => {
    sessionStorage.removeItem(KEY_ITEM);
    sessionStorage.removeItem(ME_ITEM);
  },
  getMe: (): unknown => {
    const raw = sessionStorage.getItem(ME_ITEM);
    return raw && sessionStorage.getItem(KEY_ITEM) ? JSON.parse(raw) : undefined;
  },
  setMe: (me: unknown) => sessionStorage.setItem(ME_ITEM, JSON.stringify(me)),
};

/** An RFC 9457 problem as the API answers it; `errors` name each invalid field and its wizard step. */
export type Problem = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { path: string; message: string; step?: string }[];
  firstInvalidStep?: string | null;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
  }
}

/** Called when the key stops working (revoked, member removed): the session ends and sign-in shows again. */
let onUnauthorized: (() => void) | undefined;
export function setUnauthorizedHandler(fn: (() => void) | undefined) {
  onUnauthorized = fn;
}

const auth: Middleware = {
  onRequest({ request }) {
    const key = keyStore.get();
    if (key) request.headers.set('Authorization', `Bearer ${key}`);
    return request;
  },
  onResponse({ response, schemaPath }) {
    if ((response.status === 401 || response.status === 403) && schemaPath === '/api/me') return response;
    if (response.status === 401) onUnauthorized?.();
    return response;
  },
};

/** The typed client generated from the API's OpenAPI document; same origin as the console. */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });
api.use(auth);

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful call, or an ApiError carrying the problem (`detail`, field `errors`). */
export async function call<T>(request: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) throw toApiError(response, error);
  return data as T;
}

/** As `call`, with the response headers (the bot list's next cursor travels in `X-Next-Cursor`). */
export async function callWithHeaders<T>(request: Promise<Result<T>>): Promise<{ data: T; headers: Headers }> {
  const { data, error, response } = await request;
  if (!response.ok) throw toApiError(response, error);
  return { data: data as T, headers: response.headers };
}

function toApiError(response: Response, error: unknown): ApiError {
  const problem: Problem =
    error && typeof error === 'object' ? (error as Problem) : { title: response.statusText || `HTTP ${response.status}` };
  if (!problem.detail && !problem.title) problem.title = (error as { message?: string } | undefined)?.message ?? `HTTP ${response.status}`;
  return new ApiError(response.status, problem);
}

/** What a person should read about a failure: the problem's detail, else its title, else the error's message. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const summary = error.problem.detail ?? error.problem.title ?? error.message;
    // A validation problem names its fields: the first three say what to fix without opening the form.
    const fields = (error.problem.errors ?? []).slice(0, 3).map((e) => `${e.path}: ${e.message}`);
    return fields.length ? `${summary} ${fields.join('; ')}` : summary;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
