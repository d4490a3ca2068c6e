// Building the page from data without HTML strings: text is always text (never markup), so nothing the
// server sends can become script.

/**
 * @typedef {Node | string | number | null | undefined | false} Child
 * @param {string} tag
 * @param {Record<string, unknown>} [attrs] attributes; `on…` functions become listeners; false and null are left out
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function')
      el.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    else if (key === 'value' && 'value' in el) /** @type {HTMLInputElement} */ (el).value = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat())
    if (child !== null && child !== undefined && child !== false)
      el.append(typeof child === 'number' ? String(child) : child);
  return el;
}

/** Replaces what `parent` shows. */
export function show(/** @type {Element} */ parent, /** @type {Child[]} */ ...nodes) {
  parent.replaceChildren(
    ...nodes.flatMap((n) =>
      n === null || n === undefined || n === false ? [] : [typeof n === 'number' ? String(n) : n],
    ),
  );
}

/** A date as the cards write it: 15 Mar 2027. */
export function formatDate(/** @type {string} */ iso) {
  const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A short unique id for label/input pairs. */
let next = 0;
export const uid = (/** @type {string} */ prefix) => `${prefix}-${++next}`;
