import type { components } from './schema';

/** View names for the API's own schemas (generated from its OpenAPI document). */
type S = components['schemas'];
export type Me = S['Me'];
export type Bot = S['Bot'];
export type Member = S['Member'];
export type ApiKey = S['ApiKey'];
export type CreatedApiKey = S['CreatedApiKey'];
export type PostCallCacheStatus = S['PostCallCacheStatus'];
export type Integration = S['Integration'];
export type Variable = S['Variable'];
export type Call = S['Call'];
export type ContactStatus = S['ContactStatus'];
export type Connector = S['Connector'];
export type ConnectorEvent = S['ConnectorEvent'];
export type ConnectorMetrics = S['ConnectorMetrics'];
export type BulkConnectorResult = S['BulkConnectorResult'];
export type ConnectorCapacity = S['ConnectorCapacity'];
export type Campaign = S['Campaign'];
export type PhoneNumber = S['PhoneNumber'];
export type WidgetSettings = S['WidgetSettings'];
export type AuditEvent = S['AuditEvent'];
export type AuditExport = S['AuditExport'];
export type Role = Me['role'];
