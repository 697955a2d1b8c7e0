/**
 * `client:interact`: hydrate an island when the reader first reaches into it — focus, a pointer
 * press, a key, or a hover with a mouse — rather than when it scrolls into view. The page's first
 * view is the island's server-rendered HTML, so nothing looks different; the island's code loads
 * only for readers who use it (a lesson's exercise set: most readers scroll past it).
 *
 * `client:interact="<storage key>"`: a returning reader, whose browser holds that localStorage key
 * (their progress, their model), gets the island as soon as it scrolls into view, so their work
 * shows. So does a reader whose address carries state for the page (a query string, or a hash such
 * as `#lab=…` that holds a `=`; a plain heading anchor does not count): a shared link opens at once.
 *
 * Nothing the reader did while the code was loading is lost: typed text stays in the DOM and is
 * replayed as `input` / `change` events once the island is live (so its state matches what is on
 * screen), and a click on a button or a form submitted with Enter is held back and repeated.
 */
import type { ClientDirective } from 'astro';

const TRIGGERS = ['focusin', 'pointerdown', 'keydown', 'pointerenter'] as const;

/** Whether this browser holds `key` in localStorage (false where storage is unavailable). */
function stored(key: unknown): boolean {
  if (typeof key !== 'string' || key === '') return false;
  try {
    return localStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const checkable = (f: Field): f is HTMLInputElement => f instanceof HTMLInputElement && (f.type === 'radio' || f.type === 'checkbox');
/** What a field shows: its text, its checked state, or its chosen option. */
const shown = (f: Field): string | boolean | number =>
  checkable(f) ? f.checked : f instanceof HTMLSelectElement ? f.selectedIndex : f.value;
function show(f: Field, what: string | boolean | number): void {
  if (checkable(f)) f.checked = what as boolean;
  else if (f instanceof HTMLSelectElement) f.selectedIndex = what as number;
  else f.value = what as string;
}

/** Whether the reader changed a field from what the server-rendered page had in it. */
function changedFromPage(f: Field): boolean {
  if (checkable(f)) return f.checked !== f.defaultChecked;
  if (f instanceof HTMLSelectElement) return Array.from(f.options).some((o) => o.selected !== o.defaultSelected);
  return f.value !== f.defaultValue;
}

/** Whether the address carries state for the page: `?…`, or a `#key=value` hash (not a heading anchor). */
const addressHasState = (): boolean => window.location.search.length > 1 || window.location.hash.includes('=');

const interact: ClientDirective = (load, options, el) => {
  let started = false;
  let pendingClick: HTMLElement | null = null;
  let pendingSubmit: HTMLFormElement | null = null;

  // While the code loads, a button click or a form submission would do nothing (or navigate): hold it.
  const holdClick = (event: Event): void => {
    const button = (event.target as Element | null)?.closest?.('button, [role="button"], input[type="radio"], input[type="checkbox"]');
    if (!button || !el.contains(button)) return;
    if (button instanceof HTMLInputElement) return; // a radio or checkbox changes natively; replayed below
    event.preventDefault();
    event.stopPropagation();
    pendingClick = button as HTMLElement;
  };
  const holdSubmit = (event: Event): void => {
    event.preventDefault();
    event.stopPropagation();
    pendingSubmit = event.target as HTMLFormElement;
  };

  const start = async (): Promise<void> => {
    if (started) return;
    started = true;
    for (const type of TRIGGERS) el.removeEventListener(type, start);
    el.addEventListener('click', holdClick, true);
    el.addEventListener('submit', holdSubmit, true);
    // While the code loads, the island says it is busy (assistive tech; CSS shows a progress cursor).
    el.setAttribute('aria-busy', 'true');
    try {
      const hydrate = await load();
      // A controlled field is set back to its state's value as the island hydrates: keep what is on screen.
      const fields = Array.from(el.querySelectorAll<Field>('input, textarea, select'), (field) => [field, shown(field)] as const);
      await hydrate();
      for (const [field, was] of fields) if (field.isConnected && shown(field) !== was) show(field, was);
    } finally {
      el.removeEventListener('click', holdClick, true);
      el.removeEventListener('submit', holdSubmit, true);
      el.removeAttribute('aria-busy');
    }
    // Bring the island's state up to what is on screen, then repeat what was held back.
    for (const field of el.querySelectorAll<Field>('input, textarea, select')) {
      if (!changedFromPage(field)) continue;
      // a <select> reports a choice with `change` alone; typed and ticked fields send both
      if (!(field instanceof HTMLSelectElement)) field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }
    // Let the island re-render with the replayed values first, so the held click acts on them (a
    // shape typed and then "Add layer" pressed while loading must not be undone by the click).
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (pendingSubmit?.isConnected) pendingSubmit.requestSubmit();
    else if (pendingClick?.isConnected) pendingClick.click();
  };

  for (const type of TRIGGERS) el.addEventListener(type, start, { passive: true });
  if ((stored(options.value) || addressHasState()) && 'IntersectionObserver' in window) {
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      void start();
    });
    // an island element has no box of its own: watch its children
    for (const child of el.children) seen.observe(child);
  }
};

export default interact;
