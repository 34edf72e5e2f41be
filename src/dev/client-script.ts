// The browser side of `faro dev`, served at /__faro/client.js. It reads the state the
// page was served with, listens to /__faro/events, reloads when a newer build is written
// and shows the build's errors in an overlay (text only, never parsed as HTML).
export const CLIENT_SCRIPT = String.raw`(() => {
  'use strict';
  const stateElement = document.getElementById('faro-dev-state');
  const initial = stateElement ? JSON.parse(stateElement.textContent || '{}') : { build: 0, errors: [] };
  const pageBuild = initial.build;
  let host;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(errors) {
    if (host) host.remove();
    host = undefined;
    if (!errors || errors.length === 0) return;
    host = document.createElement('faro-dev-overlay');
    const root = host.attachShadow({ mode: 'open' });
    const style = el('style', '', [
      '.backdrop{position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,24,.78);overflow:auto;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}',
      '.panel{max-width:960px;margin:40px auto;background:#1d1f23;color:#e8e8e8;border-top:6px solid #e5484d;border-radius:6px;padding:20px 24px;box-shadow:0 10px 40px rgba(0,0,0,.5)}',
      '.title{display:flex;justify-content:space-between;align-items:center;font-size:16px;font-weight:bold;color:#ff8589;margin-bottom:12px}',
      'button{background:none;border:1px solid #666;color:#e8e8e8;border-radius:4px;font:inherit;cursor:pointer;padding:2px 10px}',
      '.error{border-top:1px solid #333;padding:12px 0}',
      '.where{color:#8ab4f8;word-break:break-all}.rule{color:#aaa}.message{margin:4px 0 8px;white-space:pre-wrap}',
      'pre{margin:0;background:#111214;padding:8px 0;border-radius:4px;overflow:auto}',
      '.line{display:block;padding:0 12px;white-space:pre}.line.hit{background:rgba(229,72,77,.22)}',
      '.n{display:inline-block;min-width:4ch;color:#777;text-align:right;margin-right:12px;user-select:none}',
      '.caret{color:#ff8589}.note{color:#aaa;margin-top:12px}',
    ].join(''));
    const backdrop = el('div', 'backdrop');
    backdrop.setAttribute('role', 'alertdialog');
    backdrop.setAttribute('aria-label', 'faro dev: build errors');
    const panel = el('div', 'panel');
    const title = el('div', 'title', errors.length === 1 ? '1 error: this page is from the last good build' : errors.length + ' errors: this page is from the last good build');
    const close = el('button', '', 'close');
    close.addEventListener('click', () => show([]));
    title.appendChild(close);
    panel.appendChild(title);
    for (const error of errors) {
      const box = el('div', 'error');
      const head = el('div');
      head.appendChild(el('span', 'where', error.file + ':' + error.line + ':' + error.column));
      head.appendChild(el('span', 'rule', '  ' + error.severity + ' ' + error.rule));
      box.appendChild(head);
      box.appendChild(el('div', 'message', error.message));
      if (error.excerpt && error.excerpt.length) {
        const pre = el('pre');
        for (const line of error.excerpt) {
          const row = el('span', line.line === error.line ? 'line hit' : 'line');
          row.appendChild(el('span', 'n', String(line.line)));
          row.appendChild(document.createTextNode(line.text));
          pre.appendChild(row);
          if (line.line === error.line) {
            const caret = el('span', 'line caret');
            caret.appendChild(el('span', 'n', ''));
            caret.appendChild(document.createTextNode(' '.repeat(Math.max(0, error.column - 1)) + '^'));
            pre.appendChild(caret);
          }
        }
        box.appendChild(pre);
      }
      panel.appendChild(box);
    }
    panel.appendChild(el('div', 'note', 'Fix the file and save: the page reloads by itself.'));
    backdrop.appendChild(panel);
    root.appendChild(style);
    root.appendChild(backdrop);
    document.documentElement.appendChild(host);
  }

  function apply(state) {
    if (state.errors && state.errors.length) return show(state.errors);
    if (state.build !== pageBuild) return location.reload();
    show([]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => show(initial.errors));
  else show(initial.errors);
  const events = new EventSource('/__faro/events');
  events.addEventListener('state', (event) => apply(JSON.parse(event.data)));
})();
`;
