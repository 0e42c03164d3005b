/**
 * On a touch screen, a choice made in a search box (a job, a commune, Enter) closes the on-screen
 * keyboard, as a search form does: the results it covered come back into view, and on a phone the
 * map, kept small while the box is focused (app.css), takes its height again. With a mouse or a
 * keyboard the focus stays where it is (a keyboard user goes on from the box).
 */
export function doneTyping(input: HTMLInputElement | null): void {
  if (input && window.matchMedia('(pointer: coarse)').matches) input.blur();
}

/** The phone layout of app.css: the map above, the panel below. */
const PHONE_LAYOUT = '(max-width: 700px)';

/**
 * On the phone layout, a search box that gets the focus goes to the top of the panel (the map has
 * just given its height, app.css), so that its suggestions show above an on-screen keyboard.
 */
export function startTyping(box: HTMLElement | null): void {
  if (!box || !window.matchMedia(PHONE_LAYOUT).matches) return;
  // After the layout change the focus makes (the map's row shrinks).
  requestAnimationFrame(() => box.scrollIntoView({ block: 'start' }));
}
