/**
 * The Integration tab's three snippets (curl, Python, Node.js), pre-filled with the bot's dialout URL
 * and an example body carrying every `crm.*` variable the bot uses. Each is a complete program that runs as
 * printed: it reads the API key from `BOTOPS_API_KEY`, sends a fresh `Idempotency-Key` per run (a CRM replaying a
 * webhook should send its own stable key instead, e.g. the CRM event id) and prints the HTTP status and body.
 *
 * - curl: POSIX sh; the key comes from `${BOTOPS_API_KEY:?...}` so a missing key stops with a message; the
 *   idempotency key from `uuidgen` (macOS, util-linux) or the Linux kernel's random uuid.
 * - Python 3: standard library only (`urllib.request`, `json`, `uuid`).
 * - Node.js 20+: the built-in `fetch` and `crypto.randomUUID()`; no top-level await, so it runs as `.js` (CommonJS)
 *   and as `.mjs` alike.
 */
export type DialoutExample = { url: string; body: Record<string, unknown>; botName: string };

export function snippets(ex: DialoutExample): { curl: string; python: string; node: string } {
  return { curl: curlSnippet(ex), python: pythonSnippet(ex), node: nodeSnippet(ex) };
}

/** Single-quoted sh word: safe for any text ('\'' closes, escapes and reopens). */
const shQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** A one-line comment: no newline can end the comment and start code. */
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ').slice(0, 100);

function curlSnippet({ url, body, botName }: DialoutExample): string {
  return [
    `# Queue a call with the bot "${oneLine(botName)}" (botops dialout API).`,
    '# Run: export BOTOPS_API_KEY=bo_...  then paste this command, or save it and run: sh dialout.sh',
    `curl -sS -X POST ${shQuote(url)} \\`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion, printed as is
    '  -H "Authorization: Bearer ${BOTOPS_API_KEY:?set BOTOPS_API_KEY to your botops API key}" \\',
    "  -H 'Content-Type: application/json' \\",
    '  -H "Idempotency-Key: $(uuidgen 2>/dev/null || cat /proc/sys/kernel/random/uuid)" \\',
    "  -w '\\nHTTP %{http_code}\\n' \\",
    `  -d ${shQuote(JSON.stringify(body, null, 2))}`,
    '',
  ].join('\n');
}

/**
 * A Python literal for JSON data. JSON strings are valid Python string literals except `\/`, which
 * `JSON.stringify` never emits; true/false/null are spelled the Python way.
 */
function pyLiteral(value: unknown, indent = ''): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) return value.length ? `[\n${value.map((v) => `${inner}${pyLiteral(v, inner)},`).join('\n')}\n${indent}]` : '[]';
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length
    ? `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pyLiteral(v, inner)},`).join('\n')}\n${indent}}`
    : '{}';
}

function pythonSnippet({ url, body, botName }: DialoutExample): string {
  return `#!/usr/bin/env python3
"""Queue a call with the bot ${JSON.stringify(oneLine(botName))} (botops dialout API).

Run: BOTOPS_API_KEY=bo_... python3 dialout.py   (standard library only)
"""
import json
import os
import sys
import urllib.error
import urllib.request
import uuid

URL = ${JSON.stringify(url)}
BODY = ${pyLiteral(body)}

api_key = os.environ.get("BOTOPS_API_KEY")
if not api_key:
    sys.exit("set BOTOPS_API_KEY to your botops API key")

request = urllib.request.Request(
    URL,
    data=json.dumps(BODY).encode("utf-8"),
    method="POST",
    headers={
        "Authorization": "Bearer " + api_key,
        "Content-Type": "application/json",
        # One key per logical call: a retry with the same key never queues a second call.
        "Idempotency-Key": str(uuid.uuid4()),
    },
)
try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print("HTTP", response.status)
        print(response.read().decode("utf-8"))
except urllib.error.HTTPError as error:
    print("HTTP", error.code)
    print(error.read().decode("utf-8"))
    sys.exit(1)
`;
}

function nodeSnippet({ url, body, botName }: DialoutExample): string {
  return `// Queue a call with the bot ${JSON.stringify(oneLine(botName))} (botops dialout API).
// Run: BOTOPS_API_KEY=bo_... node dialout.js   (Node.js 20+, built-in fetch, no packages)
const url = ${JSON.stringify(url)};
const body = ${JSON.stringify(body, null, 2)};

async function main() {
  const apiKey = process.env.BOTOPS_API_KEY;
  if (!apiKey) throw new Error('set BOTOPS_API_KEY to your botops API key');
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      Authorization: \`Bearer \${apiKey}\`,
      'Content-Type': 'application/json',
      // One key per logical call: a retry with the same key never queues a second call.
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify(body),
  });
  console.log('HTTP', response.status);
  console.log(await response.text());
  if (!response.ok) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;
}
