import { createHash } from 'node:crypto';

/**
 * `GET /widget/v1/widget.js`: the script the embed code loads. Plain ES2017, no
 * framework, no build step, a few KB. Kept as a string so it is served byte for byte as written (a function's
 * `toString()` would carry the bundler's renames and helpers into the browser).
 *
 * What it does on the host page:
 * 1. reads `data-bot-id` and `data-widget-key` from its own `<script>` tag and derives the API from its `src`;
 * 2. `POST <api>/widget/v1/sessions?botId=<botId>` with `X-Widget-Key` (CORS, no credentials);
 * 3. on `201`, renders the floating button in a shadow root (so the page's CSS cannot restyle it, nor its CSS
 *    the page) with the bot's `color`, `icon`, `alignment` and labels (`labels.floatingButton` as the accessible
 *    name; shown as text when `showButtonLabel` is true, or that string when it is one); clicking it opens a panel
 *    with the bot's name, `labels.firstMessage`, the support link and the branding line;
 * 4. on any refusal (401/403/429, a CORS failure) renders nothing and logs one `console.warn`.
 *
 * Page scripts can listen for `botops:widget-ready` (detail `{ botId, sessionId, expiresAt }`) and
 * `botops:widget-error` (detail `{ botId, status, message }`) on `window`. Strings from the server are only ever
 * set as text or validated (the colour must be hex, the support link http(s)), never as HTML.
 */
export const WIDGET_JS = `/* botops web widget v1 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var botId = script.getAttribute('data-bot-id') || '';
  var key = script.getAttribute('data-widget-key') || '';
  var ICONS = { 'default': '\\u{1F4AC}', comments: '\\u{1F5E8}', robot: '\\u{1F916}', 'life-ring': '\\u{1F6DF}', question: '?', book: '\\u{1F4D6}' };

  function emit(name, detail) {
    try { window.dispatchEvent(new CustomEvent(name, { detail: detail })); } catch (e) { /* old browsers: no events */ }
  }
  function fail(status, message) {
    if (window.console) console.warn('botops widget: ' + message);
    emit('botops:widget-error', { botId: botId, status: status, message: message });
  }
  if (!botId || !key) return fail(0, 'the script tag needs data-bot-id and data-widget-key');

  var url = new URL('sessions', script.src);
  url.searchParams.set('botId', botId);
  fetch(url.href, { method: 'POST', mode: 'cors', credentials: 'omit', headers: { 'X-Widget-Key': key } }).then(
    function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (res.status !== 201) return fail(res.status, 'no session (' + res.status + (body.detail ? ': ' + body.detail : '') + ')');
        if (document.body) render(body); else document.addEventListener('DOMContentLoaded', function () { render(body); });
      });
    },
    function (err) { fail(0, 'no session (' + (err && err.message) + '; is this origin in the allowed domains?)'); }
  );

  function textOn(hex) {
    var h = hex.slice(1);
    if (h.length === 3) h = h[0] + h[0] + h[1] + h[1] + h[2] + h[2];
    var n = parseInt(h, 16), r = n >> 16, g = (n >> 8) & 255, b = n & 255;
    return (r * 299 + g * 587 + b * 114) / 1000 > 150 ? '#111' : '#fff';
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function render(s) {
    var a = s.appearance || {}, labels = a.labels || {};
    var color = /^#(?:[0-9a-f]{3}){1,2}$/i.test(a.color || '') ? a.color : '#1292EE';
    var side = a.alignment === 'left' ? 'left' : 'right';
    var host = el('div');
    host.setAttribute('data-botops-widget', s.botId);
    var root = host.attachShadow({ mode: 'open' });
    var style = el('style');
    style.textContent =
      ':host{all:initial}' +
      '.btn{position:fixed;bottom:20px;' + side + ':20px;z-index:2147483000;display:flex;align-items:center;gap:8px;' +
      'height:56px;min-width:56px;padding:0 18px;border:0;border-radius:28px;cursor:pointer;' +
      'font:600 15px/1 system-ui,sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.25)}' +
      '.icon{font-size:22px}' +
      '.panel{position:fixed;bottom:88px;' + side + ':20px;z-index:2147483000;width:300px;max-width:calc(100vw - 40px);' +
      'background:#fff;color:#111;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);font:14px/1.4 system-ui,sans-serif;overflow:hidden}' +
      '.head{padding:12px 16px;font-weight:600}.body{padding:12px 16px}.foot{padding:8px 16px;font-size:12px;color:#666}' +
      'a{color:inherit}';
    var btn = el('button', 'btn');
    btn.type = 'button';
    btn.style.background = color;
    btn.style.color = textOn(color);
    btn.setAttribute('aria-label', labels.floatingButton || 'Help');
    btn.setAttribute('aria-expanded', 'false');
    btn.setAttribute('data-icon', ICONS[a.icon] ? a.icon : 'default');
    btn.appendChild(el('span', 'icon', ICONS[a.icon] || ICONS['default']));
    var label = typeof a.showButtonLabel === 'string' ? a.showButtonLabel : a.showButtonLabel ? labels.floatingButton : '';
    if (label) btn.appendChild(el('span', 'label', label));

    var panel = el('div', 'panel');
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');
    var head = el('div', 'head', a.name || '');
    head.style.background = color;
    head.style.color = textOn(color);
    panel.appendChild(head);
    panel.appendChild(el('div', 'body', labels.firstMessage || ''));
    var foot = el('div', 'foot');
    if (/^https?:\\/\\//i.test(a.supportLink || '')) {
      var link = el('a', '', labels.getSupport || 'Contact');
      link.href = a.supportLink;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      foot.appendChild(link);
    }
    if (a.branding) foot.appendChild(el('span', 'brand', (foot.firstChild ? ' \\u00b7 ' : '') + (labels.poweredBy || 'Powered by') + ' botops'));
    if (foot.firstChild) panel.appendChild(foot);

    btn.addEventListener('click', function () {
      panel.hidden = !panel.hidden;
      btn.setAttribute('aria-expanded', String(!panel.hidden));
    });
    root.appendChild(style);
    root.appendChild(panel);
    root.appendChild(btn);
    document.body.appendChild(host);
    emit('botops:widget-ready', { botId: s.botId, sessionId: s.sessionId, expiresAt: s.expiresAt });
  }
})();
`;

/** Strong ETag of the script (RFC 9110 §8.8.3), so caches revalidate with a 304 after `max-age`. */
export const WIDGET_JS_ETAG = `"${createHash('sha256').update(WIDGET_JS).digest('base64url').slice(0, 27)}"`;
