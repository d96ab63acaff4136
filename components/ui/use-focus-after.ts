"use client";

import { useCallback, useEffect, useState } from "react";

interface FocusTarget {
  /** Element ids in order of preference: the first that exists gets focus. */
  ids: string[];
  /** Wait while this element is still on the page (a deleted row, until the list is refreshed). */
  untilGone?: string;
}

// Where focus goes once a dialog has closed. The native <dialog> would return it to its opener,
// but that was a menu item, gone with its menu; and the element to focus (a new row, the next
// row's gear) may appear only when the refreshed list arrives. So the target is kept by id and
// focused on the first render that has it.
export function useFocusAfter(dependency: unknown) {
  const [target, setTarget] = useState<FocusTarget | null>(null);

  useEffect(() => {
    if (!target) return;
    if (target.untilGone && document.getElementById(target.untilGone)) return;
    const element = target.ids.map((id) => document.getElementById(id)).find((found) => found !== null);
    if (!element) return;
    element.focus();
    // Consumed once used, so a later refresh never pulls focus from where the person moved on.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a one-shot reaction to the DOM
    setTarget(null);
  }, [target, dependency]);

  return useCallback((next: FocusTarget) => setTarget(next), []);
}
