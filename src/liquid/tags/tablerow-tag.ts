// Liquid 5's `{% tablerow %}`, whose markup differs from liquidjs's: a newline follows
// `<tr class="row1">` and each `</tr>`, the first row is opened even for an empty
// collection, and without `cols` every cell stays in one row.
import { Drop, TablerowTag, evalToken, toValue, type Context, type Emitter, type Hash, type Template, type Token } from 'liquidjs';

/** `tablerowloop`, as Liquid::TablerowloopDrop. */
class TablerowLoop extends Drop {
  index0 = 0;

  constructor(
    readonly length: number,
    private readonly cols: number,
  ) {
    super();
  }

  index(): number {
    return this.index0 + 1;
  }
  rindex(): number {
    return this.length - this.index0;
  }
  rindex0(): number {
    return this.length - this.index0 - 1;
  }
  first(): boolean {
    return this.index0 === 0;
  }
  last(): boolean {
    return this.index0 === this.length - 1;
  }
  col0(): number {
    return this.cols > 0 ? this.index0 % this.cols : this.index0;
  }
  col(): number {
    return this.col0() + 1;
  }
  col_first(): boolean {
    return this.col0() === 0;
  }
  col_last(): boolean {
    return this.col() === this.cols;
  }
  row(): number {
    return this.cols > 0 ? Math.floor(this.index0 / this.cols) + 1 : 1;
  }
}

interface TablerowParts {
  variable: string;
  collection: Token;
  args: Hash;
  templates: Template[];
}

function toItems(value: unknown): unknown[] {
  const resolved = toValue(value);
  if (Array.isArray(resolved)) return resolved;
  if (typeof resolved === 'string') return resolved === '' ? [] : [resolved];
  if (resolved && typeof resolved === 'object') {
    if (Symbol.iterator in resolved) return Array.from(resolved as Iterable<unknown>);
    return Object.entries(resolved);
  }
  return [];
}

const integer = (value: unknown): number => Math.trunc(Number(toValue(value))) || 0;

export class JekyllTablerowTag extends TablerowTag {
  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const parts = this as unknown as TablerowParts;
    const collection = yield evalToken(parts.collection, ctx);
    if (collection === null || collection === undefined || collection === false) return;
    const args = (yield parts.args.render(ctx)) as Record<string, unknown>;
    const from = 'offset' in args ? integer(args['offset']) : 0;
    const to = 'limit' in args ? from + integer(args['limit']) : undefined;
    const items = toItems(collection).slice(from, to);
    const loop = new TablerowLoop(items.length, integer(args['cols']));
    emitter.write('<tr class="row1">\n');
    const scope: Record<string, unknown> = { tablerowloop: loop };
    ctx.push(scope);
    try {
      for (const item of items) {
        scope[parts.variable] = item;
        emitter.write(`<td class="col${loop.col()}">`);
        yield this.liquid.renderer.renderTemplates(parts.templates, ctx, emitter);
        emitter.write('</td>');
        if (loop.col_last() && !loop.last()) emitter.write(`</tr>\n<tr class="row${loop.row() + 1}">`);
        loop.index0++;
      }
    } finally {
      ctx.pop();
    }
    emitter.write('</tr>\n');
  }
}
