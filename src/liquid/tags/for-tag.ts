// Liquid 5's `{% for %}` renders its `{% else %}` when the loop has nothing to go over after
// `limit` and `offset` (`limit: 0`, an offset past the end), where liquidjs only checks the
// collection itself. Markers at the head of the body and of the else branch count what ran.
import { ForTag, type Context, type Emitter, type Template } from 'liquidjs';

interface ForParts {
  templates: Template[];
  elseTemplates: Template[];
}

interface Tally {
  iterations: number;
  elseRan: boolean;
}

function marker(token: Template['token'], mark: () => void): Template {
  return {
    token,
    *render(): Generator<unknown, string, unknown> {
      mark();
      return '';
    },
  } as Template;
}

export class JekyllForTag extends ForTag {
  private readonly tallies: Tally[] = [];
  private marked = false;

  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const parts = this as unknown as ForParts;
    if (!this.marked) {
      this.marked = true;
      parts.templates.unshift(marker(this.token, () => this.tallies[this.tallies.length - 1]!.iterations++));
      parts.elseTemplates.unshift(marker(this.token, () => (this.tallies[this.tallies.length - 1]!.elseRan = true)));
    }
    const tally: Tally = { iterations: 0, elseRan: false };
    this.tallies.push(tally);
    try {
      yield super.render(ctx, emitter);
    } finally {
      this.tallies.pop();
    }
    if (tally.iterations === 0 && !tally.elseRan) {
      yield this.liquid.renderer.renderTemplates(parts.elseTemplates.slice(1), ctx, emitter);
    }
  }
}
