/**
 * Discord's 3-second rule without guessing which commands are slow: the work starts at once, and
 * only if it has not finished after `deferAfterMs` (well inside the 3 s) is the interaction
 * deferred. Fast answers then arrive as one message, slow ones as "thinking…" then an edit.
 */
export interface Answered<T> {
  value: T;
  /** `defer` was called (and succeeded) before the value arrived. */
  deferred: boolean;
}

export async function answerInTime<T>(
  work: Promise<T>,
  deferAfterMs: number,
  defer: () => Promise<unknown>,
): Promise<Answered<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deferAfterMs);
  });
  try {
    const first = await Promise.race([work.then((value) => ({ value })), late]);
    if (first !== 'late') return { value: first.value, deferred: false };
  } finally {
    clearTimeout(timer);
  }
  // If deferring fails the work still runs to its end; keep its rejection from going unhandled.
  work.catch(() => undefined);
  await defer();
  return { value: await work, deferred: true };
}

/** `work`, or `fallback` once `ms` have passed (autocomplete must answer even when search is slow). */
export async function withinOr<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
