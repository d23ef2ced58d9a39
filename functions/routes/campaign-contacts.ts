import type { RouteDef } from '../../shared/http/route.js';

/** A campaign's audience: contacts added in bulk and listed by status. */
export const CAMPAIGN_CONTACT_ROUTES = [
  {
    method: 'POST',
    path: '/api/teams/{teamId}/campaigns/{campaignId}/contacts',
    operation: 'addCampaignContacts',
    minRole: 'member',
    handler: 'campaigns/add-contacts',
    status: 200,
    summary: 'Add up to 1,000 contacts to a campaign: added, duplicates, and each rejected one with its errors',
    tag: 'campaigns',
  },
  {
    method: 'GET',
    path: '/api/teams/{teamId}/campaigns/{campaignId}/contacts',
    operation: 'listCampaignContacts',
    minRole: 'member',
    handler: 'campaigns/list-contacts',
    status: 200,
    summary: "List a campaign's contacts (?status=)",
    tag: 'campaigns',
  },
] as const satisfies readonly RouteDef[];
