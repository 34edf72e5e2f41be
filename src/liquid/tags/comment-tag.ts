// Liquid 5.4's `{% comment %}` is a block like any other: its body is read as Liquid and
// thrown away, so a `{% comment %}` inside it opens a nested comment that needs its own
// `{% endcomment %}`, and a `{% raw %}` inside it hides what it holds (an `endcomment`
// too). liquidjs stops at the first `{% endcomment %}`; this comment counts them.
import { Tag, TypeGuards, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';

export class NestingCommentTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    let depth = 1;
    let inRaw = false;
    while (remainTokens.length > 0) {
      const next = remainTokens.shift()!;
      if (!TypeGuards.isTagToken(next)) continue;
      if (inRaw) {
        inRaw = next.name !== 'endraw';
        continue;
      }
      if (next.name === 'raw') inRaw = true;
      else if (next.name === 'comment') depth++;
      else if (next.name === 'endcomment' && --depth === 0) return;
    }
    throw new Error(`tag ${token.getText()} not closed`);
  }

  render(): void {}
}
