import type { Node, Parent } from 'unist';

// Walks are iterative: a document can nest blockquotes or lists thousands deep, and a
// recursive walk would overflow the call stack.

/** Calls `visitor` for every node of `type` below `root`, parents before children, in document order. */
export function forEachNode<T extends Node>(root: Node, type: string, visitor: (node: T, parent: Parent | undefined) => void): void {
  const stack: Array<[Node, Parent | undefined]> = [[root, undefined]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    if (node.type === type) visitor(node as T, parent);
    const children = (node as Partial<Parent>).children;
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push([children[index]!, node as Parent]);
  }
}

/**
 * Visits every parent below `root` (and `root` itself) after its children, so a visitor
 * may rewrite a parent's child list once the children are settled.
 */
export function forEachParentBottomUp(root: Node, visitor: (parent: Parent) => void): void {
  const stack: Array<[Parent, boolean]> = [];
  if ((root as Partial<Parent>).children) stack.push([root as Parent, false]);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top[1]) {
      stack.pop();
      visitor(top[0]);
      continue;
    }
    top[1] = true;
    const children = top[0].children;
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index] as Partial<Parent>;
      if (child.children) stack.push([child as Parent, false]);
    }
  }
}

/** The text of a node and its descendants (values of literals, in document order). */
export function plainText(root: Node): string {
  let text = '';
  forEachNodeOfAnyType(root, (node) => {
    const value = (node as { value?: unknown }).value;
    if (typeof value === 'string' && !(node as Partial<Parent>).children) text += value;
  });
  return text;
}

function forEachNodeOfAnyType(root: Node, visitor: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visitor(node);
    const children = (node as Partial<Parent>).children;
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
}

/** Visits every parent (and `root`) before its children; the visitor may rewrite the child list. */
export function forEachParentTopDown(root: Node, visitor: (parent: Parent) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const parent = node as Partial<Parent>;
    if (!parent.children) continue;
    visitor(node as Parent);
    for (let index = parent.children.length - 1; index >= 0; index--) stack.push(parent.children[index]!);
  }
}
