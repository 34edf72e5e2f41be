// Spreading a long array into push() or splice() passes every item as an argument, which
// overflows the stack past roughly a hundred thousand items (a document of 100,000
// headings has that many children). These helpers take the items as an array.

/** `list.push(...items)`, for any number of items. */
export function pushAll<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}

/** `list.splice(start, remove, ...items)`, for any number of items. */
export function spliceAll<T>(list: T[], start: number, remove: number, items: readonly T[]): void {
  if (items.length < 1000) {
    list.splice(start, remove, ...items);
    return;
  }
  const tail = list.splice(start, list.length - start);
  pushAll(list, items);
  for (let index = remove; index < tail.length; index++) list.push(tail[index]!);
}
