/**
 * The botops API as TypeScript types, generated from the OpenAPI document the API serves at /openapi.json
 * (built from the route table, so no server is needed). Do not edit: run `npm run generate:client`.
 * A test regenerates this file and fails when it differs, so the console cannot drift from the API.
 */
export type paths = {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness check */
    get: operations['health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This API as OpenAPI 3.1 */
    get: operations['openapi'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who the calling API key is: team, member, email and role (any role)
     * @description Minimum role: member.
     */
    get: operations['getMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the team
     * @description Minimum role: member.
     */
    get: operations['getTeam'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List members
     * @description Minimum role: member.
     */
    get: operations['listMembers'];
    put?: never;
    /**
     * Add a member
     * @description Minimum role: admin.
     */
    post: operations['createMember'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/members/{memberId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a member and revoke their keys
     * @description Minimum role: admin.
     */
    delete: operations['deleteMember'];
    options?: never;
    head?: never;
    /**
     * Change a member's role
     * @description Minimum role: admin.
     */
    patch: operations['updateMember'];
    trace?: never;
  };
  '/api/teams/{teamId}/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The team's ceiling on calls in flight, and the calls in flight now
     * @description Minimum role: member.
     */
    get: operations['getTeamSettings'];
    /**
     * Set the team's ceiling on calls in flight
     * @description Minimum role: admin.
     */
    put: operations['updateTeamSettings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List API keys (never the secret)
     * @description Minimum role: admin.
     */
    get: operations['listApiKeys'];
    put?: never;
    /**
     * Create an API key, shown once
     * @description Minimum role: admin.
     */
    post: operations['createApiKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/api-keys/{keyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API key
     * @description Minimum role: admin.
     */
    delete: operations['deleteApiKey'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List bots (JSON array, X-Next-Cursor)
     * @description Minimum role: member.
     */
    get: operations['listBots'];
    put?: never;
    /**
     * Create a bot
     * @description Minimum role: member.
     */
    post: operations['createBot'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a bot
     * @description Minimum role: member.
     */
    get: operations['getBot'];
    /**
     * Update a bot (absent fields unchanged)
     * @description Minimum role: member.
     */
    put: operations['updateBot'];
    post?: never;
    /**
     * Delete a bot
     * @description Minimum role: admin.
     */
    delete: operations['deleteBot'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/clone': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Clone a bot: same settings, "<name> (copy)", no calls, contacts, campaigns or numbers
     * @description Minimum role: member.
     */
    post: operations['cloneBot'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/audit-logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List audit events, newest first
     * @description Minimum role: admin.
     */
    get: operations['listAuditLogs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/audit-logs/exports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Export the filtered audit log as CSV (202, runs in the background)
     * @description Minimum role: admin.
     */
    post: operations['createAuditExport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/audit-logs/exports/{exportId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export status, progress and download link
     * @description Minimum role: admin.
     */
    get: operations['getAuditExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/widget': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Widget settings, masked key and embed code
     * @description Minimum role: member.
     */
    get: operations['getWidget'];
    /**
     * Enable the widget, set its allowed domains
     * @description Minimum role: admin.
     */
    put: operations['updateWidget'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/widget/key/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Show the widget key and embed code in clear (audited)
     * @description Minimum role: admin.
     */
    post: operations['revealWidgetKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/widget/key/regenerate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Replace the widget key; the old one stops working at once (audited)
     * @description Minimum role: admin.
     */
    post: operations['regenerateWidgetKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/widget/v1/widget.js': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The embeddable widget script */
    get: operations['widgetScript'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/widget/v1/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open a widget session (X-Widget-Key, browser Origin) */
    post: operations['createWidgetSession'];
    delete?: never;
    /** CORS preflight of a widget session (?botId=) */
    options: operations['preflightWidgetSession'];
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/integration': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Integration reference: variables, dialout endpoint, snippets
     * @description Minimum role: member.
     */
    get: operations['getBotIntegration'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/dialout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Queue an outbound call (202)
     * @description Minimum role: member.
     */
    post: operations['dialout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/calls': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a bot's calls, newest first
     * @description Minimum role: member.
     */
    get: operations['listBotCalls'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/calls/{callId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a call
     * @description Minimum role: member.
     */
    get: operations['getCall'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/calls/{callId}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Report call progress or outcome (telephony side)
     * @description Minimum role: member.
     */
    post: operations['reportCallEvent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/webhook-secret/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate the post-call push signing secret
     * @description Minimum role: admin.
     */
    post: operations['rotateWebhookSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/connectors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create an agent connector for a bot (stopped)
     * @description Minimum role: admin.
     */
    post: operations['createConnector'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/connectors/capacity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Failover and capacity advice for a bot in one environment
     * @description Minimum role: member.
     */
    get: operations['getConnectorCapacity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/connectors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List connectors (environment, botId, status filters)
     * @description Minimum role: member.
     */
    get: operations['listConnectors'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/connectors/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Connectors per status in one environment
     * @description Minimum role: member.
     */
    get: operations['getConnectorMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/connectors/{connectorId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a connector
     * @description Minimum role: member.
     */
    get: operations['getConnector'];
    /**
     * Edit a stopped connector
     * @description Minimum role: admin.
     */
    put: operations['updateConnector'];
    post?: never;
    /**
     * Delete a stopped connector
     * @description Minimum role: admin.
     */
    delete: operations['deleteConnector'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/connectors/{connectorId}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Status changes made by the health check, newest first
     * @description Minimum role: member.
     */
    get: operations['listConnectorHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/connectors/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start, stop or restart up to 100 connectors, one result each
     * @description Minimum role: admin.
     */
    post: operations['bulkConnectorAction'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/connectors/{connectorId}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a connector (starting, then online when a health check passes)
     * @description Minimum role: admin.
     */
    post: operations['startConnector'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/connectors/{connectorId}/stop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stop a connector
     * @description Minimum role: admin.
     */
    post: operations['stopConnector'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/connectors/{connectorId}/restart': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restart a connector (starting)
     * @description Minimum role: admin.
     */
    post: operations['restartConnector'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/connectors/{connectorId}/redeploy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move a stopped connector to another environment
     * @description Minimum role: admin.
     */
    post: operations['redeployConnector'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause a bot (active: false): it answers nobody
     * @description Minimum role: admin.
     */
    post: operations['pauseBot'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume a paused bot (active: true)
     * @description Minimum role: admin.
     */
    post: operations['resumeBot'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reset a bot's data (contacts, messages, calls, connector history); configuration kept
     * @description Minimum role: admin.
     */
    post: operations['resetBot'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/post-call-cache': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Post-call cache status
     * @description Minimum role: member.
     */
    get: operations['getPostCallCache'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/post-call-cache/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Turn post-call caching on
     * @description Minimum role: admin.
     */
    post: operations['enablePostCallCache'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/post-call-cache/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Turn post-call caching off
     * @description Minimum role: admin.
     */
    post: operations['disablePostCallCache'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/post-call-cache/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rebuild the post-call cache (version + 1); 409 without analysis or QC prompt
     * @description Minimum role: admin.
     */
    post: operations['refreshPostCallCache'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List campaigns
     * @description Minimum role: member.
     */
    get: operations['listCampaigns'];
    put?: never;
    /**
     * Create a campaign (stopped)
     * @description Minimum role: member.
     */
    post: operations['createCampaign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/campaigns/{campaignId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a campaign
     * @description Minimum role: member.
     */
    get: operations['getCampaign'];
    put?: never;
    post?: never;
    /**
     * Delete a stopped or completed campaign (its contacts go with it)
     * @description Minimum role: member.
     */
    delete: operations['deleteCampaign'];
    options?: never;
    head?: never;
    /**
     * Change a stopped campaign's name or dialling settings (absent fields unchanged)
     * @description Minimum role: member.
     */
    patch: operations['updateCampaign'];
    trace?: never;
  };
  '/api/teams/{teamId}/campaigns/{campaignId}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a campaign: locks its bot
     * @description Minimum role: member.
     */
    post: operations['startCampaign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/campaigns/{campaignId}/stop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stop a campaign: releases its lock on the bot
     * @description Minimum role: member.
     */
    post: operations['stopCampaign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/campaigns/{campaignId}/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a campaign's contacts (?status=)
     * @description Minimum role: member.
     */
    get: operations['listCampaignContacts'];
    put?: never;
    /**
     * Add up to 1,000 contacts to a campaign: added, duplicates, and each rejected one with its errors
     * @description Minimum role: member.
     */
    post: operations['addCampaignContacts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/dnc': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the do-not-call list
     * @description Minimum role: member.
     */
    get: operations['listDnc'];
    put?: never;
    /**
     * Add up to 1,000 numbers to the do-not-call list
     * @description Minimum role: admin.
     */
    post: operations['addDnc'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/dnc/{number}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a number from the do-not-call list
     * @description Minimum role: admin.
     */
    delete: operations['deleteDnc'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/phone-numbers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List phone numbers (DID -> bot)
     * @description Minimum role: member.
     */
    get: operations['listPhoneNumbers'];
    put?: never;
    /**
     * Map a phone number (E.164) to a bot
     * @description Minimum role: member.
     */
    post: operations['createPhoneNumber'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/phone-numbers/{number}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Release a phone number
     * @description Minimum role: member.
     */
    delete: operations['deletePhoneNumber'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List contact bot statuses (?status=active|inactive)
     * @description Minimum role: member.
     */
    get: operations['listContacts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/contacts/{contactId}/bot-status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the bot's status for a contact
     * @description Minimum role: member.
     */
    get: operations['getContactBotStatus'];
    /**
     * Switch the bot on or off for a contact, optionally until a time
     * @description Minimum role: member.
     */
    put: operations['putContactBotStatus'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{teamId}/bots/{botId}/contacts/{contactId}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a message; apply the per-contact bot rules
     * @description Minimum role: member.
     */
    post: operations['postContactMessage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    Health: {
      /** @enum {string} */
      status: 'ok';
    };
    /** @description The calling API key: its team, member and role */
    Me: {
      teamId: string;
      teamName: string;
      memberId: string;
      email: string;
      /** @enum {string} */
      role: 'super_admin' | 'admin' | 'member';
    };
    Team: {
      id: string;
      name: string;
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
    };
    /** @description A page of Member */
    MemberPage: {
      items: components['schemas']['Member'][];
      nextCursor: string | null;
    };
    Member: {
      id: string;
      email: string;
      /** @enum {string} */
      role: 'super_admin' | 'admin' | 'member';
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
    };
    TeamSettings: {
      /** @description The team's ceiling on calls in flight */
      maxConcurrentCalls: number;
      /** @description Calls in flight now */
      inFlight: number;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string | null;
    };
    /** @description A page of ApiKey */
    ApiKeyPage: {
      items: components['schemas']['ApiKey'][];
      nextCursor: string | null;
    };
    /** @description An API key, never its secret */
    ApiKey: {
      id: string;
      name: string;
      /** @description The first characters of the key, to recognise it */
      prefix: string;
      memberId: string;
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      /** @description ISO-8601 UTC timestamp */
      lastUsedAt: string | null;
    };
    CreatedApiKey: {
      id: string;
      name: string;
      prefix: string;
      memberId: string;
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      /** @description The key in clear, shown this once; null on an Idempotency-Key replay (see redactedOnReplay) */
      key: string | null;
      /** @description On a replay: the fields withheld because they were shown once */
      redactedOnReplay?: string[];
    };
    Bot: {
      name: string;
      description: string;
      /** @enum {string} */
      privacy: 'public' | 'private';
      /** @enum {string} */
      language: 'en' | 'jp';
      industry: string | null;
      timezone: string;
      /** @enum {string} */
      region:
        | 'us-east-1'
        | 'us-east-2'
        | 'us-west-2'
        | 'ca-central-1'
        | 'sa-east-1'
        | 'eu-west-1'
        | 'eu-west-2'
        | 'eu-central-1'
        | 'ap-south-1'
        | 'ap-southeast-1'
        | 'ap-southeast-2'
        | 'ap-northeast-1';
      customPrompt: string | null;
      openingMessage: string | null;
      /** @enum {string} */
      model: 'gpt-3.5-turbo' | 'gpt-4' | 'gpt-4-1106-preview';
      policy: string | null;
      voicePipeline: {
        /** @enum {string} */
        speechToText?: 'deepgram-nova-2' | 'deepgram-nova-3' | 'aws-transcribe' | 'google-chirp' | 'whisper';
        /** @enum {string} */
        languageModel?: 'gpt-4o' | 'gpt-4o-mini' | 'gpt-4.1' | 'gpt-4.1-mini' | 'claude-sonnet' | 'claude-haiku';
        /** @enum {string} */
        voice?: 'elevenlabs' | 'cartesia' | 'aws-polly' | 'azure-tts' | 'openai-tts';
        voiceId?: string | null;
      };
      /** @enum {string} */
      mode: 'off' | 'suggestive' | 'auto_pilot';
      maxCallDurationSeconds: number;
      reEngagement: {
        gapSeconds?: number;
        retries?: number;
        messages?: string[];
      };
      vad: {
        threshold?: number;
        silenceMs?: number;
        prefixPaddingMs?: number;
      };
      minWordsToInterrupt: number;
      maxMessagesPerContact: number | null;
      autoReactivateAfter: string | null;
      sleepOnManualMessage: boolean;
      sleepOnWorkflowMessage: boolean;
      tools: {
        name: string;
        description: string;
        url?: string;
      }[];
      transferTargets: {
        name: string;
        number: string;
      }[];
      allowedSipHeaders: string[];
      analysisPrompt: string | null;
      qcPrompt: string | null;
      /** @description A boolean analysis.* field the analysis prompt declares: a call reporting it true puts the number on the DNC list and cancels its campaign retries */
      optOutField: string | null;
      crmPrefetch: {
        url: string;
        /** @default true */
        enabled: boolean;
      } | null;
      postCallPush: {
        url: string;
        /** @default true */
        enabled: boolean;
      } | null;
      allowedDomains: string[];
      color: string;
      /** @enum {string} */
      icon: 'default' | 'comments' | 'robot' | 'life-ring' | 'question' | 'book';
      /** @enum {string} */
      alignment: 'left' | 'right';
      botIcon: false | ('comment' | 'robot' | 'life-ring' | 'info' | 'book');
      branding: boolean;
      supportLink: '' | string;
      showButtonLabel: boolean | string;
      labels: {
        firstMessage?: string;
        sources?: string;
        getSupport?: string;
        helpful?: string;
        poweredBy?: string;
        unhelpful?: string;
        floatingButton?: string;
        inputPlaceholder?: string;
      };
      id: string;
      indexId: string;
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      /** @enum {string} */
      status: 'pending' | 'indexing' | 'processing' | 'ready';
      questionCount: number;
      pageCount: number;
      sourceCount: number;
      chunkCount: number;
      /** @description false while paused: the bot answers nobody */
      active: boolean;
      /** @description Running campaigns that lock the configuration */
      lockedByCampaigns: components['schemas']['CampaignRef'][];
      postCallCache: components['schemas']['PostCallCache'];
    };
    CampaignRef: {
      id: string;
      name: string;
    };
    PostCallCache: {
      enabled: boolean;
      version: number;
      refreshedBy: string | null;
      /** @description ISO-8601 UTC timestamp */
      refreshedAt: string | null;
    };
    Message: {
      message: string;
    };
    /** @description A page of AuditEvent */
    AuditEventPage: {
      items: components['schemas']['AuditEvent'][];
      nextCursor: string | null;
    };
    AuditEvent: {
      id: string;
      /** @description ISO-8601 UTC timestamp */
      at: string;
      actorEmail: string;
      actorRole: string;
      /** @enum {string} */
      module:
        | 'team'
        | 'members'
        | 'api_keys'
        | 'bots'
        | 'campaigns'
        | 'phone_numbers'
        | 'contacts'
        | 'connectors'
        | 'calls'
        | 'widget'
        | 'webhooks'
        | 'audit'
        | 'dnc';
      action: string;
      botId?: string;
      targetId: string;
      changes: {
        [key: string]: {
          before?: unknown;
          after?: unknown;
        };
      };
    };
    AuditExportAccepted: {
      exportId: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'succeeded' | 'failed';
    };
    AuditExport: {
      exportId: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'succeeded' | 'failed';
      rowCount: number;
      filters: {
        [key: string]: string;
      };
      requestedBy: string;
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      /** @description ISO-8601 UTC timestamp */
      startedAt?: string;
      /** @description ISO-8601 UTC timestamp */
      finishedAt?: string;
      bytes?: number;
      downloadUrl?: string;
      /** @description ISO-8601 UTC timestamp */
      expiresAt?: string;
      reason?: string;
    };
    WidgetSettings: {
      botId: string;
      enabled: boolean;
      allowedDomains: string[];
      /** @description true when allowedDomains is empty: every origin may open sessions */
      allowsAnyOrigin: boolean;
      /** @description The widget key, masked */
      apiKey: string | null;
      /** @description ISO-8601 UTC timestamp */
      keyCreatedAt: string | null;
      scriptUrl: string;
      /** @description The embed snippet with the key masked */
      embedCode: string | null;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
    };
    /** @description The widget key and embed code in clear */
    WidgetKey: {
      apiKey: string;
      embedCode: string;
      /** @description ISO-8601 UTC timestamp */
      keyCreatedAt?: string;
    };
    WidgetSession: {
      sessionId: string;
      /** @description Signed session (HS256 JWT) */
      token: string;
      botId: string;
      /** @description ISO-8601 UTC timestamp */
      expiresAt: string;
      appearance: {
        [key: string]: unknown;
      };
    };
    Integration: {
      botId: string;
      variables: {
        call: components['schemas']['Variable'][];
        crm: components['schemas']['Variable'][];
        result: components['schemas']['Variable'][];
        analysis: components['schemas']['Variable'][];
        qc: components['schemas']['Variable'][];
        system: components['schemas']['Variable'][];
      };
      dialout: {
        /** @enum {string} */
        method: 'POST';
        url: string;
        headers: {
          [key: string]: string;
        };
        body: {
          [key: string]: unknown;
        };
      };
      snippets: {
        curl: string;
        python: string;
        node: string;
      };
      warnings: string[];
    };
    Variable: {
      name: string;
      /** @enum {string} */
      type: 'string' | 'number' | 'integer' | 'boolean' | 'enum';
      values?: string[];
      description: string;
      example: string;
      usedIn?: string[];
      sampleValue?: string;
      required?: boolean;
    };
    /** @description The accepted dialout: the call, and its id again as callId; status waiting when the team is at its ceiling */
    QueuedCall: {
      id: string;
      botId: string;
      /** @enum {string} */
      status: 'waiting' | 'queued' | 'ringing' | 'in_progress' | 'completed' | 'failed';
      /** @enum {string} */
      direction: 'outbound';
      to: string;
      from: string | null;
      variables: {
        crm: {
          [key: string]: string | number | boolean | null;
        };
      };
      sipHeaders: {
        [key: string]: string;
      };
      result: {
        [key: string]: unknown;
      } | null;
      analysis: {
        [key: string]: unknown;
      } | null;
      qc: {
        [key: string]: unknown;
      } | null;
      events: {
        /** @enum {string} */
        type: 'waiting' | 'queued' | 'ringing' | 'in_progress' | 'completed' | 'failed';
        /** @description ISO-8601 UTC timestamp */
        at: string;
      }[];
      push: {
        /** @enum {string} */
        status: 'pending' | 'retrying' | 'delivered' | 'failed' | 'cancelled';
        url: string;
        attempts: {
          attempt: number;
          /** @description ISO-8601 UTC timestamp */
          at: string;
          url: string;
          statusCode: number | null;
          error: string | null;
          durationMs: number;
        }[];
        /** @description ISO-8601 UTC timestamp */
        nextAttemptAt: string | null;
      } | null;
      /** @description ISO-8601 UTC timestamp */
      queuedAt: string;
      /** @description ISO-8601 UTC timestamp */
      ringingAt: string | null;
      /** @description ISO-8601 UTC timestamp */
      startedAt: string | null;
      /** @description ISO-8601 UTC timestamp */
      endedAt: string | null;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      /** @description Campaign calls: the campaign */
      campaignId?: string;
      /** @description Campaign calls: the contact's attempt number (1-based) */
      attempt?: number;
      callId: string;
      /** @description With status waiting: the call's place in the team's queue of calls waiting for a slot (1 = next) */
      queuePosition?: number;
    };
    /** @description A page of Call */
    CallPage: {
      items: components['schemas']['Call'][];
      nextCursor: string | null;
    };
    Call: {
      id: string;
      botId: string;
      /** @enum {string} */
      status: 'waiting' | 'queued' | 'ringing' | 'in_progress' | 'completed' | 'failed';
      /** @enum {string} */
      direction: 'outbound';
      to: string;
      from: string | null;
      variables: {
        crm: {
          [key: string]: string | number | boolean | null;
        };
      };
      sipHeaders: {
        [key: string]: string;
      };
      result: {
        [key: string]: unknown;
      } | null;
      analysis: {
        [key: string]: unknown;
      } | null;
      qc: {
        [key: string]: unknown;
      } | null;
      events: {
        /** @enum {string} */
        type: 'waiting' | 'queued' | 'ringing' | 'in_progress' | 'completed' | 'failed';
        /** @description ISO-8601 UTC timestamp */
        at: string;
      }[];
      push: {
        /** @enum {string} */
        status: 'pending' | 'retrying' | 'delivered' | 'failed' | 'cancelled';
        url: string;
        attempts: {
          attempt: number;
          /** @description ISO-8601 UTC timestamp */
          at: string;
          url: string;
          statusCode: number | null;
          error: string | null;
          durationMs: number;
        }[];
        /** @description ISO-8601 UTC timestamp */
        nextAttemptAt: string | null;
      } | null;
      /** @description ISO-8601 UTC timestamp */
      queuedAt: string;
      /** @description ISO-8601 UTC timestamp */
      ringingAt: string | null;
      /** @description ISO-8601 UTC timestamp */
      startedAt: string | null;
      /** @description ISO-8601 UTC timestamp */
      endedAt: string | null;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      /** @description Campaign calls: the campaign */
      campaignId?: string;
      /** @description Campaign calls: the contact's attempt number (1-based) */
      attempt?: number;
    };
    /** @description The new post-call push signing secret, shown once */
    SigningSecret: {
      secret: string;
      /** @description ISO-8601 UTC timestamp */
      previousSecretValidUntil: string | null;
    };
    Connector: {
      id: string;
      botId: string;
      name: string;
      /** @enum {string} */
      environment: 'production' | 'staging' | 'development';
      healthCheckUrl: string;
      maxConcurrentConversations: number;
      /** @enum {string} */
      status: 'stopped' | 'starting' | 'online' | 'unhealthy';
      /** @description ISO-8601 UTC timestamp */
      statusChangedAt: string;
      /** @description ISO-8601 UTC timestamp */
      lastCheckAt: string | null;
      lastLatencyMs: number | null;
      consecutiveFailures: number;
      lastError: string | null;
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
    };
    ConnectorCapacity: {
      /** @enum {string} */
      environment: 'production' | 'staging' | 'development';
      concurrentConversations: number | null;
      maxConversationsPerConnector: number;
      recommendedConnectors: number;
      currentConnectors: number;
      onlineConnectors: number;
      warnings: {
        /** @enum {string} */
        code: 'failover' | 'capacity' | 'not_online' | 'unhealthy' | 'starting';
        message: string;
        connectorIds?: string[];
      }[];
    };
    /** @description A page of Connector */
    ConnectorPage: {
      items: components['schemas']['Connector'][];
      nextCursor: string | null;
    };
    ConnectorMetrics: {
      /** @enum {string|null} */
      environment: 'production' | 'staging' | 'development' | null;
      total: number;
      counts: {
        stopped: number;
        starting: number;
        online: number;
        unhealthy: number;
      };
    };
    /** @description A page of ConnectorEvent */
    ConnectorEventPage: {
      items: components['schemas']['ConnectorEvent'][];
      nextCursor: string | null;
    };
    /** @description A status change made by the health check */
    ConnectorEvent: {
      id: string;
      /** @description ISO-8601 UTC timestamp */
      at: string;
      connectorId: string;
      /** @enum {string} */
      from: 'stopped' | 'starting' | 'online' | 'unhealthy';
      /** @enum {string} */
      to: 'stopped' | 'starting' | 'online' | 'unhealthy';
      latencyMs: number | null;
      error: string | null;
      consecutiveFailures: number;
    };
    BulkConnectorResult: {
      /** @enum {string} */
      action: 'start' | 'stop' | 'restart';
      results: {
        connectorId: string;
        ok: boolean;
        /** @enum {string} */
        status?: 'stopped' | 'starting' | 'online' | 'unhealthy';
        error?: {
          status: number;
          title: string;
          detail?: string;
        };
      }[];
    };
    PostCallCacheStatus: {
      enabled: boolean;
      analysisPromptConfigured: boolean;
      qcPromptConfigured: boolean;
      version: number;
      refreshedBy: string | null;
      /** @description ISO-8601 UTC timestamp */
      refreshedAt: string | null;
    };
    /** @description A page of Campaign */
    CampaignPage: {
      items: components['schemas']['Campaign'][];
      nextCursor: string | null;
    };
    Campaign: {
      id: string;
      name: string;
      botId: string;
      /** @enum {string} */
      status: 'stopped' | 'running' | 'completed';
      /** @description Caller id (E.164), a team number mapped to the bot */
      fromNumber: string | null;
      callingWindow: components['schemas']['CallingWindow'];
      /** @description IANA zone of contacts without one; null: the bot's timezone */
      defaultTimezone: string | null;
      maxConcurrentCalls: number;
      maxAttempts: number;
      retry: {
        /** @description ISO-8601 duration, or null for no retry */
        no_answer: string | null;
        /** @description ISO-8601 duration, or null for no retry */
        busy: string | null;
        /** @description ISO-8601 duration, or null for no retry */
        voicemail: string | null;
        /** @description ISO-8601 duration, or null for no retry */
        failed: string | null;
      };
      /** @description ISO-8601 UTC timestamp */
      startAt: string | null;
      /** @description ISO-8601 UTC timestamp */
      endAt: string | null;
      /** @description Contacts per status */
      progress: {
        total: number;
        pending: number;
        scheduled: number;
        dialing: number;
        completed: number;
        failed: number;
        exhausted: number;
        skipped_dnc: number;
      };
      /** @description Calls of the campaign in flight now */
      inFlight: number;
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
      /** @description ISO-8601 UTC timestamp */
      startedAt: string | null;
      /** @description ISO-8601 UTC timestamp */
      stoppedAt: string | null;
      /** @description ISO-8601 UTC timestamp */
      completedAt: string | null;
    };
    /** @description Local weekdays and HH:MM times, in each contact's own time zone */
    CallingWindow: {
      days: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
      start: string;
      end: string;
    };
    AddContactsResult: {
      added: number;
      /** @description Numbers already in the campaign, or twice in the request */
      duplicates: number;
      rejected: {
        index: number;
        errors: {
          path: string;
          message: string;
        }[];
      }[];
    };
    /** @description A page of CampaignContact */
    CampaignContactPage: {
      items: components['schemas']['CampaignContact'][];
      nextCursor: string | null;
    };
    CampaignContact: {
      /** @description E.164 */
      phone: string;
      timezone: string | null;
      externalId: string | null;
      /** @enum {string} */
      status: 'pending' | 'scheduled' | 'dialing' | 'completed' | 'failed' | 'exhausted' | 'skipped_dnc';
      attempts: number;
      /** @description When the next attempt is due (pending or scheduled); null once final */
      nextAttemptAt: string | null;
      /** @enum {string|null} */
      lastOutcome: 'completed' | 'no_answer' | 'busy' | 'voicemail' | 'failed' | null;
      callIds: string[];
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string;
    };
    /** @description A page of DncEntry */
    DncEntryPage: {
      items: components['schemas']['DncEntry'][];
      nextCursor: string | null;
    };
    DncEntry: {
      /** @description E.164 */
      number: string;
      reason: string | null;
      /** @description ISO-8601 UTC timestamp */
      addedAt: string;
      addedBy: string;
    };
    DncAdded: {
      /** @description Numbers that were not on the list yet */
      added: number;
    };
    /** @description A page of PhoneNumber */
    PhoneNumberPage: {
      items: components['schemas']['PhoneNumber'][];
      nextCursor: string | null;
    };
    PhoneNumber: {
      /** @description E.164 */
      number: string;
      botId: string;
      /** @description ISO-8601 UTC timestamp */
      createdAt: string;
    };
    /** @description A page of ContactStatus */
    ContactStatusPage: {
      items: components['schemas']['ContactStatus'][];
      nextCursor: string | null;
    };
    ContactStatus: {
      contactId: string;
      /** @enum {string} */
      status: 'active' | 'inactive';
      /** @enum {string|null} */
      reason: 'manual' | 'message_limit' | 'manual_message' | 'workflow_message' | null;
      /** @description ISO-8601 UTC timestamp */
      reactivateAt: string | null;
      botMessageCount: number;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string | null;
    };
    ContactMessageResult: {
      contactId: string;
      /** @enum {string} */
      status: 'active' | 'inactive';
      /** @enum {string|null} */
      reason: 'manual' | 'message_limit' | 'manual_message' | 'workflow_message' | null;
      /** @description ISO-8601 UTC timestamp */
      reactivateAt: string | null;
      botMessageCount: number;
      /** @description ISO-8601 UTC timestamp */
      updatedAt: string | null;
      messageId: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
  health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Liveness check */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
    };
  };
  openapi: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description This API as OpenAPI 3.1 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Who the calling API key is: team, member, email and role (any role) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  getTeam: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Get the team */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Team'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  listMembers: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description List members */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberPage'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  createMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** Format: email */
          email: string;
          /** @enum {string} */
          role: 'super_admin' | 'admin' | 'member';
        };
      };
    };
    responses: {
      /** @description Add a member */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Member'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  deleteMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Remove a member and revoke their keys */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  updateMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @enum {string} */
          role: 'super_admin' | 'admin' | 'member';
        };
      };
    };
    responses: {
      /** @description Change a member's role */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Member'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  getTeamSettings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The team's ceiling on calls in flight, and the calls in flight now */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeamSettings'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  updateTeamSettings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @description The team's ceiling on calls in flight (campaigns and single dialouts together) */
          maxConcurrentCalls: number;
        };
      };
    };
    responses: {
      /** @description Set the team's ceiling on calls in flight */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeamSettings'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  listApiKeys: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description List API keys (never the secret) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyPage'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  createApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          name: string;
          memberId?: string;
        };
      };
    };
    responses: {
      /** @description Create an API key, shown once */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiKey'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  deleteApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        keyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoke an API key */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  listBots: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description List bots (JSON array, X-Next-Cursor) */
      200: {
        headers: {
          /** @description Cursor of the next page; absent on the last page */
          'X-Next-Cursor'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Bot'][];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  createBot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          name: string;
          description?: string;
          /** @enum {string} */
          privacy?: 'public' | 'private';
          /** @enum {string} */
          language?: 'en' | 'jp';
          industry?: string | null;
          timezone?: string;
          /** @enum {string} */
          region?:
            | 'us-east-1'
            | 'us-east-2'
            | 'us-west-2'
            | 'ca-central-1'
            | 'sa-east-1'
            | 'eu-west-1'
            | 'eu-west-2'
            | 'eu-central-1'
            | 'ap-south-1'
            | 'ap-southeast-1'
            | 'ap-southeast-2'
            | 'ap-northeast-1';
          customPrompt?: string | null;
          openingMessage?: string | null;
          /** @enum {string} */
          model?: 'gpt-3.5-turbo' | 'gpt-4' | 'gpt-4-1106-preview';
          policy?: string | null;
          voicePipeline?: {
            /** @enum {string} */
            speechToText?: 'deepgram-nova-2' | 'deepgram-nova-3' | 'aws-transcribe' | 'google-chirp' | 'whisper';
            /** @enum {string} */
            languageModel?: 'gpt-4o' | 'gpt-4o-mini' | 'gpt-4.1' | 'gpt-4.1-mini' | 'claude-sonnet' | 'claude-haiku';
            /** @enum {string} */
            voice?: 'elevenlabs' | 'cartesia' | 'aws-polly' | 'azure-tts' | 'openai-tts';
            voiceId?: string | null;
          };
          /** @enum {string} */
          mode?: 'off' | 'suggestive' | 'auto_pilot';
          maxCallDurationSeconds?: number;
          reEngagement?: {
            gapSeconds?: number;
            retries?: number;
            messages?: string[];
          };
          vad?: {
            threshold?: number;
            silenceMs?: number;
            prefixPaddingMs?: number;
          };
          minWordsToInterrupt?: number;
          maxMessagesPerContact?: number | null;
          autoReactivateAfter?: string | null;
          sleepOnManualMessage?: boolean;
          sleepOnWorkflowMessage?: boolean;
          tools?: {
            name: string;
            description: string;
            url?: string;
          }[];
          transferTargets?: {
            name: string;
            number: string;
          }[];
          allowedSipHeaders?: string[];
          analysisPrompt?: string | null;
          qcPrompt?: string | null;
          /** @description A boolean analysis.* field the analysis prompt declares: a call reporting it true puts the number on the DNC list and cancels its campaign retries */
          optOutField?: string | null;
          crmPrefetch?: {
            url: string;
            /** @default true */
            enabled?: boolean;
          } | null;
          postCallPush?: {
            url: string;
            /** @default true */
            enabled?: boolean;
          } | null;
          allowedDomains?: string[];
          color?: string;
          /** @enum {string} */
          icon?: 'default' | 'comments' | 'robot' | 'life-ring' | 'question' | 'book';
          /** @enum {string} */
          alignment?: 'left' | 'right';
          botIcon?: false | ('comment' | 'robot' | 'life-ring' | 'info' | 'book');
          branding?: boolean;
          supportLink?: '' | string;
          showButtonLabel?: boolean | string;
          labels?: {
            firstMessage?: string;
            sources?: string;
            getSupport?: string;
            helpful?: string;
            poweredBy?: string;
            unhelpful?: string;
            floatingButton?: string;
            inputPlaceholder?: string;
          };
        };
      };
    };
    responses: {
      /** @description Create a bot */
      201: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Bot'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  getBot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Get a bot */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Bot'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  updateBot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          name?: string;
          description?: string;
          /** @enum {string} */
          privacy?: 'public' | 'private';
          /** @enum {string} */
          language?: 'en' | 'jp';
          industry?: string | null;
          timezone?: string;
          /** @enum {string} */
          region?:
            | 'us-east-1'
            | 'us-east-2'
            | 'us-west-2'
            | 'ca-central-1'
            | 'sa-east-1'
            | 'eu-west-1'
            | 'eu-west-2'
            | 'eu-central-1'
            | 'ap-south-1'
            | 'ap-southeast-1'
            | 'ap-southeast-2'
            | 'ap-northeast-1';
          customPrompt?: string | null;
          openingMessage?: string | null;
          /** @enum {string} */
          model?: 'gpt-3.5-turbo' | 'gpt-4' | 'gpt-4-1106-preview';
          policy?: string | null;
          voicePipeline?: {
            /** @enum {string} */
            speechToText?: 'deepgram-nova-2' | 'deepgram-nova-3' | 'aws-transcribe' | 'google-chirp' | 'whisper';
            /** @enum {string} */
            languageModel?: 'gpt-4o' | 'gpt-4o-mini' | 'gpt-4.1' | 'gpt-4.1-mini' | 'claude-sonnet' | 'claude-haiku';
            /** @enum {string} */
            voice?: 'elevenlabs' | 'cartesia' | 'aws-polly' | 'azure-tts' | 'openai-tts';
            voiceId?: string | null;
          };
          /** @enum {string} */
          mode?: 'off' | 'suggestive' | 'auto_pilot';
          maxCallDurationSeconds?: number;
          reEngagement?: {
            gapSeconds?: number;
            retries?: number;
            messages?: string[];
          };
          vad?: {
            threshold?: number;
            silenceMs?: number;
            prefixPaddingMs?: number;
          };
          minWordsToInterrupt?: number;
          maxMessagesPerContact?: number | null;
          autoReactivateAfter?: string | null;
          sleepOnManualMessage?: boolean;
          sleepOnWorkflowMessage?: boolean;
          tools?: {
            name: string;
            description: string;
            url?: string;
          }[];
          transferTargets?: {
            name: string;
            number: string;
          }[];
          allowedSipHeaders?: string[];
          analysisPrompt?: string | null;
          qcPrompt?: string | null;
          /** @description A boolean analysis.* field the analysis prompt declares: a call reporting it true puts the number on the DNC list and cancels its campaign retries */
          optOutField?: string | null;
          crmPrefetch?: {
            url: string;
            /** @default true */
            enabled?: boolean;
          } | null;
          postCallPush?: {
            url: string;
            /** @default true */
            enabled?: boolean;
          } | null;
          allowedDomains?: string[];
          color?: string;
          /** @enum {string} */
          icon?: 'default' | 'comments' | 'robot' | 'life-ring' | 'question' | 'book';
          /** @enum {string} */
          alignment?: 'left' | 'right';
          botIcon?: false | ('comment' | 'robot' | 'life-ring' | 'info' | 'book');
          branding?: boolean;
          supportLink?: '' | string;
          showButtonLabel?: boolean | string;
          labels?: {
            firstMessage?: string;
            sources?: string;
            getSupport?: string;
            helpful?: string;
            poweredBy?: string;
            unhelpful?: string;
            floatingButton?: string;
            inputPlaceholder?: string;
          };
        };
      };
    };
    responses: {
      /** @description Update a bot (absent fields unchanged) */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Bot'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  deleteBot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Delete a bot */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Message'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  cloneBot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Clone a bot: same settings, "<name> (copy)", no calls, contacts, campaigns or numbers */
      201: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Bot'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  listAuditLogs: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        module?:
          | 'team'
          | 'members'
          | 'api_keys'
          | 'bots'
          | 'campaigns'
          | 'phone_numbers'
          | 'contacts'
          | 'connectors'
          | 'calls'
          | 'widget'
          | 'webhooks'
          | 'audit'
          | 'dnc';
        action?: string;
        actorEmail?: string;
        botId?: string;
        from?: string;
        to?: string;
      };
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description List audit events, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditEventPage'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  createAuditExport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @enum {string} */
          module?:
            | 'team'
            | 'members'
            | 'api_keys'
            | 'bots'
            | 'campaigns'
            | 'phone_numbers'
            | 'contacts'
            | 'connectors'
            | 'calls'
            | 'widget'
            | 'webhooks'
            | 'audit'
            | 'dnc';
          action?: string;
          actorEmail?: string;
          botId?: string;
          /** Format: date-time */
          from?: string;
          /** Format: date-time */
          to?: string;
        };
      };
    };
    responses: {
      /** @description Export the filtered audit log as CSV (202, runs in the background) */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditExportAccepted'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  getAuditExport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        exportId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Export status, progress and download link */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditExport'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  getWidget: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Widget settings, masked key and embed code */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WidgetSettings'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  updateWidget: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          enabled?: boolean;
          allowedDomains?: string[];
        };
      };
    };
    responses: {
      /** @description Enable the widget, set its allowed domains */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WidgetSettings'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  revealWidgetKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Show the widget key and embed code in clear (audited) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WidgetKey'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  regenerateWidgetKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Replace the widget key; the old one stops working at once (audited) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WidgetKey'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  widgetScript: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The embeddable widget script */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  createWidgetSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Open a widget session (X-Widget-Key, browser Origin) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WidgetSession'];
        };
      };
    };
  };
  preflightWidgetSession: {
    parameters: {
      query?: {
        botId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description CORS preflight of a widget session (?botId=) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  getBotIntegration: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Integration reference: variables, dialout endpoint, snippets */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Integration'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  dialout: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          to: string;
          /** @description One of this bot's phone numbers (the team's DID mapped to this bot); omitted: the telephony side picks one. */
          from?: string;
          variables?: {
            /** @description Values for the {{crm.<name>}} placeholders of the bot (GET .../integration lists them); each one the bot uses is required (422 otherwise). */
            crm?: {
              [key: string]: string | number | boolean | null;
            };
          };
          /** @description SIP headers to send with the call; only those in the bot's allowedSipHeaders (422 otherwise). */
          sipHeaders?: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description Queue an outbound call (202) */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QueuedCall'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  listBotCalls: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description List a bot's calls, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CallPage'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  getCall: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        callId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Get a call */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Call'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  reportCallEvent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        callId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @enum {string} */
          type: 'ringing' | 'in_progress' | 'completed' | 'failed';
          /**
           * Format: date-time
           * @description When it happened; default: when botops receives it.
           */
          at?: string;
          /** @description result.* of a completed or failed call; `status` is set by botops from the event type. */
          result?: {
            durationSeconds?: number | null;
            /** @enum {string|null} */
            endedReason?:
              | 'customer_hangup'
              | 'bot_hangup'
              | 'transferred'
              | 'voicemail'
              | 'no_answer'
              | 'busy'
              | 'max_duration'
              | 'error'
              | 'timeout'
              | null;
            transferredTo?: string | null;
            /** @enum {string|null} */
            answeredBy?: 'human' | 'voicemail' | 'machine' | 'unknown' | null;
            /** Format: uri */
            recordingUrl?: string | null;
            summary?: string | null;
          };
          /** @description analysis.* values. Each key must be declared in the bot's analysisPrompt with a placeholder {{analysis.<name>: <type> - <description>}} (type string | number | integer | boolean | enum(a|b|c); without ": <type>" it is a string), and each value must have that type or be null (400 naming the path otherwise). */
          analysis?: {
            [key: string]: unknown;
          };
          /** @description qc.* values. Each key must be declared in the bot's qcPrompt with a placeholder {{qc.<name>: <type> - <description>}} (type string | number | integer | boolean | enum(a|b|c); without ": <type>" it is a string), and each value must have that type or be null (400 naming the path otherwise). */
          qc?: {
            [key: string]: unknown;
          };
        };
      };
    };
    responses: {
      /** @description Report call progress or outcome (telephony side) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Call'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  rotateWebhookSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Rotate the post-call push signing secret */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SigningSecret'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  createConnector: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          name: string;
          /** @enum {string} */
          environment: 'production' | 'staging' | 'development';
          healthCheckUrl: string;
          maxConcurrentConversations?: number;
        };
      };
    };
    responses: {
      /** @description Create an agent connector for a bot (stopped) */
      201: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Connector'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  getConnectorCapacity: {
    parameters: {
      query?: {
        environment?: 'production' | 'staging' | 'development';
        concurrentConversations?: number | null;
      };
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Failover and capacity advice for a bot in one environment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectorCapacity'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  listConnectors: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        environment?: 'production' | 'staging' | 'development';
        botId?: string;
        status?: 'stopped' | 'starting' | 'online' | 'unhealthy';
      };
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description List connectors (environment, botId, status filters) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectorPage'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  getConnectorMetrics: {
    parameters: {
      query?: {
        environment?: 'production' | 'staging' | 'development';
      };
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Connectors per status in one environment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectorMetrics'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  getConnector: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        connectorId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Get a connector */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Connector'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  updateConnector: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        connectorId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          name?: string;
          healthCheckUrl?: string;
          maxConcurrentConversations?: number;
        };
      };
    };
    responses: {
      /** @description Edit a stopped connector */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Connector'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  deleteConnector: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        connectorId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Delete a stopped connector */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  listConnectorHistory: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        teamId: string;
        connectorId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Status changes made by the health check, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectorEventPage'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  bulkConnectorAction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @enum {string} */
          action: 'start' | 'stop' | 'restart';
          connectorIds: string[];
        };
      };
    };
    responses: {
      /** @description Start, stop or restart up to 100 connectors, one result each */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkConnectorResult'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  startConnector: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        connectorId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Start a connector (starting, then online when a health check passes) */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Connector'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  stopConnector: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        connectorId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Stop a connector */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Connector'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  restartConnector: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        connectorId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Restart a connector (starting) */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Connector'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  redeployConnector: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        connectorId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @enum {string} */
          environment: 'production' | 'staging' | 'development';
        };
      };
    };
    responses: {
      /** @description Move a stopped connector to another environment */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Connector'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  pauseBot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Pause a bot (active: false): it answers nobody */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Bot'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  resumeBot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Resume a paused bot (active: true) */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Bot'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  resetBot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Reset a bot's data (contacts, messages, calls, connector history); configuration kept */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Message'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  getPostCallCache: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Post-call cache status */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PostCallCacheStatus'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  enablePostCallCache: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Turn post-call caching on */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PostCallCacheStatus'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  disablePostCallCache: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Turn post-call caching off */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PostCallCacheStatus'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  refreshPostCallCache: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Rebuild the post-call cache (version + 1); 409 without analysis or QC prompt */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PostCallCacheStatus'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  listCampaigns: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description List campaigns */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignPage'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  createCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          name: string;
          botId: string;
          /** @description Caller id: one of the team's phone numbers mapped to the campaign's bot */
          fromNumber?: string | null;
          /** @description Calling window in each contact's local time; default {"days":["mon","tue","wed","thu","fri"],"start":"09:00","end":"20:00"} */
          callingWindow?: {
            days: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
            start: string;
            end: string;
          };
          /** @description IANA zone of contacts without one; default (null): the bot's timezone */
          defaultTimezone?: string | null;
          /** @description default 5 */
          maxConcurrentCalls?: number;
          /** @description default 3 */
          maxAttempts?: number;
          /** @description Per outcome, the ISO-8601 delay before the next attempt, or null for none; default {"no_answer":"PT1H","busy":"PT10M","voicemail":"PT4H","failed":null} */
          retry?: {
            no_answer?: string | null;
            busy?: string | null;
            voicemail?: string | null;
            failed?: string | null;
          };
          /**
           * Format: date-time
           * @description No call before this instant; null: none
           */
          startAt?: string | null;
          /**
           * Format: date-time
           * @description No call from this instant on; then the campaign completes; null: none
           */
          endAt?: string | null;
        };
      };
    };
    responses: {
      /** @description Create a campaign (stopped) */
      201: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Campaign'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  getCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        campaignId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Get a campaign */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Campaign'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  deleteCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        campaignId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Delete a stopped or completed campaign (its contacts go with it) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  updateCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        campaignId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          name?: string;
          /** @description Caller id: one of the team's phone numbers mapped to the campaign's bot */
          fromNumber?: string | null;
          /** @description Calling window in each contact's local time; default {"days":["mon","tue","wed","thu","fri"],"start":"09:00","end":"20:00"} */
          callingWindow?: {
            days: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
            start: string;
            end: string;
          };
          /** @description IANA zone of contacts without one; default (null): the bot's timezone */
          defaultTimezone?: string | null;
          /** @description default 5 */
          maxConcurrentCalls?: number;
          /** @description default 3 */
          maxAttempts?: number;
          /** @description Per outcome, the ISO-8601 delay before the next attempt, or null for none; default {"no_answer":"PT1H","busy":"PT10M","voicemail":"PT4H","failed":null} */
          retry?: {
            no_answer?: string | null;
            busy?: string | null;
            voicemail?: string | null;
            failed?: string | null;
          };
          /**
           * Format: date-time
           * @description No call before this instant; null: none
           */
          startAt?: string | null;
          /**
           * Format: date-time
           * @description No call from this instant on; then the campaign completes; null: none
           */
          endAt?: string | null;
        };
      };
    };
    responses: {
      /** @description Change a stopped campaign's name or dialling settings (absent fields unchanged) */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Campaign'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  startCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        campaignId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Start a campaign: locks its bot */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Campaign'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  stopCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        campaignId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Stop a campaign: releases its lock on the bot */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Campaign'];
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  listCampaignContacts: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        status?: 'pending' | 'scheduled' | 'dialing' | 'completed' | 'failed' | 'exhausted' | 'skipped_dnc';
      };
      header?: never;
      path: {
        teamId: string;
        campaignId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description List a campaign's contacts (?status=) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignContactPage'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  addCampaignContacts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        campaignId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          contacts: {
            /** @description E.164, e.g. +14155550123 */
            phone: string;
            /** @description IANA zone; default: the campaign's defaultTimezone */
            timezone?: string | null;
            /** @description Your own id (CRM record) */
            externalId?: string | null;
            variables?: {
              crm?: {
                [key: string]: string | number | boolean | null;
              };
            };
          }[];
        };
      };
    };
    responses: {
      /** @description Add up to 1,000 contacts to a campaign: added, duplicates, and each rejected one with its errors */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AddContactsResult'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  listDnc: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description List the do-not-call list */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DncEntryPage'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  addDnc: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          numbers: string[];
          reason?: string | null;
        };
      };
    };
    responses: {
      /** @description Add up to 1,000 numbers to the do-not-call list */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DncAdded'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  deleteDnc: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Remove a number from the do-not-call list */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  listPhoneNumbers: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description List phone numbers (DID -> bot) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PhoneNumberPage'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  createPhoneNumber: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          number: string;
          botId: string;
        };
      };
    };
    responses: {
      /** @description Map a phone number (E.164) to a bot */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PhoneNumber'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  deletePhoneNumber: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Release a phone number */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  listContacts: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        status?: 'active' | 'inactive';
      };
      header?: never;
      path: {
        teamId: string;
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description List contact bot statuses (?status=active|inactive) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactStatusPage'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  getContactBotStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
        contactId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Get the bot's status for a contact */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactStatus'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  putContactBotStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
        contactId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @enum {string} */
          status: 'active' | 'inactive';
          /** Format: date-time */
          reactivateAt?: string | null;
          reactivateAfter?: string | null;
        };
      };
    };
    responses: {
      /** @description Switch the bot on or off for a contact, optionally until a time */
      200: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactStatus'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
  postContactMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        botId: string;
        contactId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @enum {string} */
          sender: 'contact' | 'bot' | 'manual' | 'workflow';
          text?: string;
        };
      };
    };
    responses: {
      /** @description Record a message; apply the per-contact bot rules */
      201: {
        headers: {
          /** @description Version of the object, for If-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactMessageResult'];
        };
      };
      /** @description Malformed JSON or invalid fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Role too low */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Not found (or another team's id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
      /** @description Body over 256 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
              path: string;
              message: string;
              /** @enum {string} */
              step?: 'identity' | 'instructions' | 'policy' | 'voice_pipeline' | 'behavior' | 'tools_integrations' | 'widget';
            }[];
            /** @enum {string|null} */
            firstInvalidStep?:
              | 'identity'
              | 'instructions'
              | 'policy'
              | 'voice_pipeline'
              | 'behavior'
              | 'tools_integrations'
              | 'widget'
              | null;
          };
        };
      };
    };
  };
}

/** The enum values of each named schema, by property path (what a select may offer). */
export const ENUMS = {
  Health: {
    status: ['ok'],
  },
  Me: {
    role: ['super_admin', 'admin', 'member'],
  },
  Member: {
    role: ['super_admin', 'admin', 'member'],
  },
  Bot: {
    privacy: ['public', 'private'],
    language: ['en', 'jp'],
    region: [
      'us-east-1',
      'us-east-2',
      'us-west-2',
      'ca-central-1',
      'sa-east-1',
      'eu-west-1',
      'eu-west-2',
      'eu-central-1',
      'ap-south-1',
      'ap-southeast-1',
      'ap-southeast-2',
      'ap-northeast-1',
    ],
    model: ['gpt-3.5-turbo', 'gpt-4', 'gpt-4-1106-preview'],
    'voicePipeline.speechToText': ['deepgram-nova-2', 'deepgram-nova-3', 'aws-transcribe', 'google-chirp', 'whisper'],
    'voicePipeline.languageModel': ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'claude-sonnet', 'claude-haiku'],
    'voicePipeline.voice': ['elevenlabs', 'cartesia', 'aws-polly', 'azure-tts', 'openai-tts'],
    mode: ['off', 'suggestive', 'auto_pilot'],
    icon: ['default', 'comments', 'robot', 'life-ring', 'question', 'book'],
    alignment: ['left', 'right'],
    botIcon: [false, 'comment', 'robot', 'life-ring', 'info', 'book'],
    supportLink: [''],
    status: ['pending', 'indexing', 'processing', 'ready'],
  },
  AuditEvent: {
    module: [
      'team',
      'members',
      'api_keys',
      'bots',
      'campaigns',
      'phone_numbers',
      'contacts',
      'connectors',
      'calls',
      'widget',
      'webhooks',
      'audit',
      'dnc',
    ],
  },
  AuditExportAccepted: {
    status: ['queued', 'running', 'succeeded', 'failed'],
  },
  AuditExport: {
    status: ['queued', 'running', 'succeeded', 'failed'],
  },
  Integration: {
    'dialout.method': ['POST'],
  },
  Variable: {
    type: ['string', 'number', 'integer', 'boolean', 'enum'],
  },
  QueuedCall: {
    status: ['waiting', 'queued', 'ringing', 'in_progress', 'completed', 'failed'],
    direction: ['outbound'],
    'events.type': ['waiting', 'queued', 'ringing', 'in_progress', 'completed', 'failed'],
    'push.status': ['pending', 'retrying', 'delivered', 'failed', 'cancelled'],
  },
  Call: {
    status: ['waiting', 'queued', 'ringing', 'in_progress', 'completed', 'failed'],
    direction: ['outbound'],
    'events.type': ['waiting', 'queued', 'ringing', 'in_progress', 'completed', 'failed'],
    'push.status': ['pending', 'retrying', 'delivered', 'failed', 'cancelled'],
  },
  Connector: {
    environment: ['production', 'staging', 'development'],
    status: ['stopped', 'starting', 'online', 'unhealthy'],
  },
  ConnectorCapacity: {
    environment: ['production', 'staging', 'development'],
    'warnings.code': ['failover', 'capacity', 'not_online', 'unhealthy', 'starting'],
  },
  ConnectorMetrics: {
    environment: ['production', 'staging', 'development', null],
  },
  ConnectorEvent: {
    from: ['stopped', 'starting', 'online', 'unhealthy'],
    to: ['stopped', 'starting', 'online', 'unhealthy'],
  },
  BulkConnectorResult: {
    action: ['start', 'stop', 'restart'],
    'results.status': ['stopped', 'starting', 'online', 'unhealthy'],
  },
  Campaign: {
    status: ['stopped', 'running', 'completed'],
  },
  CallingWindow: {
    days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  },
  CampaignContact: {
    status: ['pending', 'scheduled', 'dialing', 'completed', 'failed', 'exhausted', 'skipped_dnc'],
    lastOutcome: ['completed', 'no_answer', 'busy', 'voicemail', 'failed', null],
  },
  ContactStatus: {
    status: ['active', 'inactive'],
    reason: ['manual', 'message_limit', 'manual_message', 'workflow_message', null],
  },
  ContactMessageResult: {
    status: ['active', 'inactive'],
    reason: ['manual', 'message_limit', 'manual_message', 'workflow_message', null],
  },
} as const;
