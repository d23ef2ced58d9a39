import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { config, isLocalMode } from '../config.js';

/**
 * The public base URL of this API, for links botops hands out (the widget's embed code): `PUBLIC_BASE_URL` when
 * set (a custom domain in front of the API), otherwise the host the request came in on: `https://<domainName>` on
 * API Gateway (the `$default` stage has no path prefix), `http://<host>` in the local runtime.
 */
export function publicBaseUrl(event: Pick<APIGatewayProxyEventV2, 'requestContext'>): string {
  const configured = config().PUBLIC_BASE_URL;
  if (configured) return configured.replace(/\/+$/, '');
  return `${isLocalMode() ? 'http' : 'https'}://${event.requestContext.domainName}`;
}

/**
 * The origin the caller reached the API on, for links shown to them (the Integration tab's snippets): the `Host`
 * header (the API's own or custom domain) with the scheme of `X-Forwarded-Proto`, which API Gateway sets; without
 * it, http locally (no proxy) and https on AWS.
 */
export function requestOrigin(event: Pick<APIGatewayProxyEventV2, 'headers' | 'requestContext'>): string {
  const host = event.headers?.host ?? event.requestContext.domainName ?? 'localhost';
  const proto = event.headers?.['x-forwarded-proto']?.split(',')[0]?.trim() ?? (isLocalMode() ? 'http' : 'https');
  return `${proto === 'http' ? 'http' : 'https'}://${host}`;
}
