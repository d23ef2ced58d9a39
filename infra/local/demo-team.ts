import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from '../../shared/db/client.js';
import { apiKeyKey } from '../../shared/db/keys.js';
import { parseApiKey } from '../../shared/auth/api-keys.js';
import { createTeam } from '../../shared/domain/team/members.js';

export type DevCredentials = { baseUrl: string; teamId: string; memberId: string; email: string; apiKey: string };

export const DEMO_EMAIL = 'admin@demo.botops.local';

/**
 * First start: creates "Demo Team" with a super_admin and an API key and writes them to `file`.
 * Later starts reuse the file while its key still exists in the data (a wiped data dir starts over).
 */
export async function ensureDemoTeam(file: string, baseUrl: string): Promise<DevCredentials> {
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as DevCredentials;
    const keyId = parseApiKey(saved.apiKey)?.keyId;
    const found = keyId && (await doc.send(new GetCommand({ TableName: tableName(), Key: apiKeyKey(keyId) }))).Item;
    if (found) {
      if (saved.baseUrl !== baseUrl) writeFileSync(file, `${JSON.stringify({ ...saved, baseUrl }, null, 2)}\n`);
      return { ...saved, baseUrl };
    }
  }
  const team = await createTeam('Demo Team', DEMO_EMAIL, { email: 'system:local-runtime', role: 'system' });
  const creds: DevCredentials = { baseUrl, teamId: team.teamId, memberId: team.memberId, email: team.email, apiKey: team.apiKey };
  writeFileSync(file, `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
  return creds;
}
