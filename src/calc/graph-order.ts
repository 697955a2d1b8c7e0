/**
 * Depth-first post-order over a dependency graph, without recursion: a functional model can be
 * thousands of layers deep, far past what the call stack allows.
 */

export type PostOrder<K> = { ok: true; order: K[] } | { ok: false; cycleAt: K };

/** Every node reachable from `roots`, each after all of its dependencies; `id` tells nodes apart. */
export function postOrder<K>(roots: Iterable<K>, depsOf: (k: K) => readonly K[], id: (k: K) => string | number): PostOrder<K> {
  const state = new Map<string | number, 'open' | 'done'>();
  const order: K[] = [];
  for (const root of roots) {
    if (state.has(id(root))) continue;
    const stack: { key: K; deps: readonly K[]; next: number }[] = [{ key: root, deps: depsOf(root), next: 0 }];
    state.set(id(root), 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.deps.length) {
        const dep = top.deps[top.next++]!;
        const s = state.get(id(dep));
        if (s === 'open') return { ok: false, cycleAt: dep };
        if (s === undefined) {
          state.set(id(dep), 'open');
          stack.push({ key: dep, deps: depsOf(dep), next: 0 });
        }
      } else {
        state.set(id(top.key), 'done');
        order.push(top.key);
        stack.pop();
      }
    }
  }
  return { ok: true, order };
}
