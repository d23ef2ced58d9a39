/**
 * Every key of the single table is built here (this module and `keys/`) and nowhere else (model: alexdebrie/dynamodb-instagram
 * `src/data/*`). Ids are ULIDs, so a sort key ending in an id also sorts by creation time.
 *
 * | entity            | PK                      | SK                    | GSI1PK / GSI1SK                          | GSI2PK / GSI2SK                   | GSI3PK / GSI3SK                      |
 * |-------------------|-------------------------|-----------------------|------------------------------------------|-----------------------------------|--------------------------------------|
 * | team              | TEAM#<teamId>           | TEAM                  |                                          |                                   |                                      |
 * | member            | TEAM#<teamId>           | MEMBER#<memberId>     |                                          |                                   |                                      |
 * | member email lock | TEAM#<teamId>           | EMAIL#<lower email>   |                                          |                                   |                                      |
 * | api key           | APIKEY#<keyId>          | APIKEY                | TEAM#<teamId>#APIKEYS / <keyId>          |                                   |                                      |
 * | bot               | TEAM#<teamId>           | BOT#<botId>           | BOTID#<botId> / BOT (botIdIndex)         |                                   |                                      |
 * | phone number      | TEAM#<teamId>           | PHONE#<e164>          |                                          |                                   |                                      |
 * | phone number claim| PHONE#<e164>            | CLAIM                 |                                          |                                   |                                      |
 * | campaign          | TEAM#<teamId>           | CAMPAIGN#<campaignId> |                                          |                                   |                                      |
 * | bot data (per gen)| TEAM#<t>#BOT#<b>#G<gen> | <entity>#<id>         | (see botDataPartition)                   |                                   |                                      |
 * | rate-limit window | RATE#<scope>            | <windowStart epoch s> |                                          |                                   |                                      |
 * | call              | TEAM#<t>#BOT#<b>#G<gen> | CALL#<callId>         |                                          |                                   |                                      |
 * | call pointer      | CALLREF#<callId>        | TEAM#<teamId>         |                                          |                                   |                                      |
 * | outbox entry      | OUTBOX#<shard>          | <at>#<entryId>        |                                          |                                   |                                      |
 * | webhook secret    | WHSECRET#<teamId>       | WHSECRET              |                                          |                                   |                                      |
 * | connector         | TEAM#<teamId>           | CONNECTOR#<connId>    | TEAM#<t>#CONNECTORS#BOT#<botId> / <env>#<status>#<connId> | HEALTHCHECK#<shard> / <lastCheckAt or 0>#<t>#<connId> (sparse: starting/online/unhealthy only) | TEAM#<t>#CONNECTORS#ENV#<env> / <status>#<connId> |
 * | connector history | TEAM#<t>#BOT#<b>#G<gen> | CONNECTOR_EVENT#<connId>#<at>#<eventId> |                      |                                   |                                      |
 * | contact bot status| TEAM#<t>#BOT#<b>#G<gen> | CONTACT#<contactId>   | <botDataPartition>#STATUS#<status> / <updatedAt>#<contactId> |                   |                                      |
 * | contact message   | TEAM#<t>#BOT#<b>#G<gen> | MESSAGE#<contactId>#<messageId> |                                |                                   |                                      |
 * | local timer       | LOCALTIMER#<name>       | LOCALTIMER            | LOCALTIMERS / <dueAt>#<name> (LOCALTIMERS#DEAD once given up) |          |                                      |
 * | audit event       | TEAM#<teamId>#AUDIT     | <at>#<eventId>        | TEAM#<teamId>#AUDIT#BOT#<botId> / <at>#<id> | TEAM#<teamId>#AUDIT#ACTOR#<email> / <at>#<id> | TEAM#<teamId>#AUDIT#MODULE#<module> / <at>#<id> |
 * | audit export      | TEAM#<teamId>           | AUDITEXPORT#<exportId>|                                          |                                   |                                      |
 *
 * Audit events also carry GSI4PK `TEAM#<teamId>#AUDIT#ACTION#<action>` and GSI5PK
 * `TEAM#<teamId>#AUDIT#MODULE#<module>#ACTION#<action>`, both with SK `<at>#<id>` (see `auditIndexPartition`).
 */
export type { Key } from './keys/key.js';
export * from './keys/team.js';
export * from './keys/calls.js';
export * from './keys/connectors.js';
export * from './keys/contacts.js';
export * from './keys/campaigns.js';
