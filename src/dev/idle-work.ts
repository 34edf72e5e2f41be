// Work the dev server does between changes, so that it is not done during the next one.

/** Work that follows a rebuild (the browser reloading the page) gets this long first. */
const SETTLE_MS = 250;

/**
 * Runs `work` once the dev server has stayed idle for a moment: `isIdle` is asked again when
 * the time comes, so a change that arrived meanwhile is never delayed by it.
 */
export function whenIdle(isIdle: () => boolean, work: () => void, settleMs = SETTLE_MS): NodeJS.Timeout {
  const timer = setTimeout(() => {
    if (isIdle()) work();
  }, settleMs);
  timer.unref();
  return timer;
}
