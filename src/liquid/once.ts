/**
 * `fn`, to run the first time only. liquidjs has no option for the Ruby Liquid behaviours
 * faro needs in its parser and tokenizer, so their prototypes are adjusted once per process.
 */
export function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
