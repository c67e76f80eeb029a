// The article as written, one <p dir="auto"> per line, every mention a <mark> (see spans.ts for
// how overlapping mentions are nested or cut into fragments). Label chips are CSS ::after
// content (data-label), so a mark's textContent is exactly the mention's text.
import { h } from './dom.js';
import { collectSpans, layout, type Child, type Span } from './spans.js';
import type { Extraction } from '../../schemas/extraction.js';

function fragment(n: Extract<Child, { span: Span }>, spans: Map<string, Span>): HTMLElement {
  spans.set(n.span.key, n.span);
  const el = h('mark', {
    class: `m k-${n.span.kind} c-${n.span.colour} h${Math.min(n.height, 4)}${n.first ? ' first' : ''}${n.last ? ' last' : ''}`,
    'data-testid': n.first ? 'mention' : 'mention-part',
    'data-kind': n.span.kind,
    'data-item': n.span.item,
    'data-key': n.span.key,
    'data-start': n.span.start,
    'data-end': n.span.end,
    'data-label': n.last ? n.span.label : undefined,
    // Keyboard: Tab to a mention's first piece shows its card, Enter selects it.
    tabindex: n.first ? 0 : undefined,
  });
  for (const c of n.children) el.append('span' in c ? fragment(c, spans) : c.text);
  return el;
}

/** Renders the article into `view`; returns the spans by key (for hover cards). */
export function renderArticle(view: HTMLElement, text: string, x: Extraction): Map<string, Span> {
  const spans = new Map<string, Span>();
  const paras = layout(text, collectSpans(x));
  view.replaceChildren(
    ...paras.map((p) => {
      const el = h('p', { dir: 'auto', 'data-start': p.start });
      for (const c of p.children) el.append('span' in c ? fragment(c, spans) : c.text);
      return el;
    }),
  );
  return spans;
}
