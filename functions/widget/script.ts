import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { WIDGET_JS, WIDGET_JS_ETAG } from '../../shared/domain/widget/client-script.js';

/**
 * `GET /widget/v1/widget.js` (public): a static script, so not the JSON `api()` stack. Cacheable by browsers and
 * CDNs for five minutes (widget changes may take that long to show), then revalidated with its ETag (`304`).
 * `Cross-Origin-Resource-Policy: cross-origin` because every other site loads it; `Access-Control-Allow-Origin: *`
 * (no credentials) so a page may also load it with `crossorigin` for subresource integrity.
 */
const HEADERS = {
  'Content-Type': 'text/javascript; charset=utf-8',
  'Cache-Control': 'public, max-age=300',
  ETag: WIDGET_JS_ETAG,
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Access-Control-Allow-Origin': '*',
};

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(httpSecurityHeaders())
  .use(httpHeaderNormalizer())
  .handler(async (event) => {
    const cached = event.headers?.['if-none-match']?.split(',').some((t) => t.trim() === WIDGET_JS_ETAG);
    return cached ? { statusCode: 304, headers: HEADERS } : { statusCode: 200, headers: HEADERS, body: WIDGET_JS };
  });
