// One self-rewriting line on a terminal while pages render: `rendering 120/412 pages,
// about 6 s left`. Nothing at all when output is not a terminal (CI, pipes), and nothing
// for builds quicker than `delaySeconds`.
import type { CommandIO } from '../cli/command.js';

export interface ProgressLine {
  update(done: number, total: number): void;
  /** Erases the line (before the summary or any message is printed). */
  clear(): void;
}

const CLEAR = '\r\x1b[2K';

export function progressLine(
  io: Pick<CommandIO, 'stderr' | 'interactive'>,
  label: string,
  { delaySeconds = 0.5, intervalSeconds = 0.1, now = () => performance.now() / 1000 } = {},
): ProgressLine {
  const started = now();
  let lastDrawn = -Infinity;
  let shown = false;
  return {
    update(done, total) {
      if (!io.interactive || total === 0) return;
      const elapsed = now() - started;
      if (elapsed < delaySeconds || (now() - lastDrawn < intervalSeconds && done < total)) return;
      lastDrawn = now();
      shown = true;
      io.stderr(`${CLEAR}${label} ${done}/${total} pages (${Math.floor((done / total) * 100)}%)${eta(elapsed, done, total)}`);
    },
    clear() {
      if (shown) io.stderr(CLEAR);
      shown = false;
    },
  };
}

function eta(elapsed: number, done: number, total: number): string {
  if (done === 0 || done === total) return '';
  const left = Math.max(1, Math.round((elapsed / done) * (total - done)));
  return left >= 60 ? `, about ${Math.floor(left / 60)} min ${left % 60} s left` : `, about ${left} s left`;
}
