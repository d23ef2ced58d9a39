import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { doc, tableName } from '../../db/client.js';
import { decodeCursor, encodeCursor } from '../../db/cursor.js';
import { campaignContactPrefix, campaignContactStatusPartition } from '../../db/keys.js';
import { getStoredCampaign } from './campaigns.js';
import type { CampaignContactStatus } from './schema.js';
import { toContact } from './contacts.js';

const T = () => tableName();

/** `GET /campaigns/{id}/contacts?status=`: by phone number, in one status (GSI1) or all; 404 for an unknown campaign. */
export async function listContacts(
  teamId: string,
  campaignId: string,
  status: CampaignContactStatus | undefined,
  limit: number,
  cursor?: string,
) {
  await getStoredCampaign(teamId, campaignId);
  const query = status
    ? (() => {
        const partition = campaignContactStatusPartition(teamId, campaignId, status);
        return {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': partition },
          ExclusiveStartKey: decodeCursor(cursor, { partition: { GSI1PK: partition }, sortAttrs: ['GSI1SK'] }),
        };
      })()
    : (() => {
        const { PK, SKPrefix } = campaignContactPrefix(teamId, campaignId);
        return {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': PK, ':sk': SKPrefix },
          ExclusiveStartKey: decodeCursor(cursor, { partition: { PK }, sortAttrs: ['SK'], sortPrefix: SKPrefix }),
        };
      })();
  const res = await doc.send(new QueryCommand({ TableName: T(), Limit: limit, ...query }));
  return { items: (res.Items ?? []).map(toContact), nextCursor: encodeCursor(res.LastEvaluatedKey as Record<string, string> | undefined) };
}
