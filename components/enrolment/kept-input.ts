"use client";

/**
 * The e-form's input kept in this browser until the server has it (docs/decisions/0018): written
 * as the officer types, read back when the form opens again (a reload, a crashed tab, the error
 * page after an outage), removed when the server confirms (a redirect after submit or draft save)
 * or when the officer discards it. One entry per signed-in user and form, so a colleague on the
 * same computer never sees it; entries older than KEEP_HOURS are dropped unread.
 */

const PREFIX = "lindungikur:eform:";
const KEEP_HOURS = 72;
const VERSION = 1;

export interface KeptInput {
  savedAt: string;
  values: Record<string, string>;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Storage disabled (a locked-down browser profile): the form still works, it only keeps less.
    return null;
  }
}

export function readKept(key: string, now = Date.now()): KeptInput | null {
  const store = storage();
  const raw = store?.getItem(PREFIX + key);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { v?: number; savedAt?: string; values?: Record<string, unknown> };
    const savedAt = Date.parse(parsed.savedAt ?? "");
    if (parsed.v !== VERSION || !Number.isFinite(savedAt) || now - savedAt > KEEP_HOURS * 3_600_000 || !parsed.values) {
      store?.removeItem(PREFIX + key);
      return null;
    }
    const values = Object.fromEntries(Object.entries(parsed.values).filter((e): e is [string, string] => typeof e[1] === "string"));
    return { savedAt: parsed.savedAt!, values };
  } catch {
    store?.removeItem(PREFIX + key);
    return null;
  }
}

export function writeKept(key: string, values: Record<string, string>): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify({ v: VERSION, savedAt: new Date().toISOString(), values }));
  } catch {
    // Quota exceeded or storage refused: nothing else to do; the server answer still keeps the input.
  }
}

const pending = new Map<string, ReturnType<typeof setTimeout>>();

/** Keeps `values` shortly after the last change (typing fires many events). */
export function scheduleKept(key: string, values: () => Record<string, string>, delayMs = 300): void {
  const before = pending.get(key);
  if (before) clearTimeout(before);
  pending.set(key, setTimeout(() => {
    pending.delete(key);
    writeKept(key, values());
  }, delayMs));
}

/** Removes the kept copy, and a write still waiting for its delay (which would otherwise bring it back after a successful send). */
export function forgetKept(key: string): void {
  const before = pending.get(key);
  if (before) clearTimeout(before);
  pending.delete(key);
  storage()?.removeItem(PREFIX + key);
}

/** Whether any form's input is kept in this browser. */
export function hasKept(): boolean {
  const store = storage();
  if (!store) return false;
  for (let i = 0; i < store.length; i++) if (store.key(i)?.startsWith(PREFIX)) return true;
  return false;
}

/** Removes every kept form of every user (on sign-out, so a shared computer keeps no debtor data). */
export function forgetAllKept(): void {
  const store = storage();
  if (!store) return;
  for (let i = store.length - 1; i >= 0; i--) {
    const k = store.key(i);
    if (k?.startsWith(PREFIX)) store.removeItem(k);
  }
}

/** The form's text fields as the server would receive them (files and the action's own fields left out). */
export function formValues(form: HTMLFormElement | FormData): Record<string, string> {
  const data = form instanceof FormData ? form : new FormData(form);
  const out: Record<string, string> = {};
  for (const [k, v] of data.entries()) {
    if (typeof v === "string" && !k.startsWith("$") && k !== "intent") out[k] = v;
  }
  return out;
}

/** Whether two value sets hold the same input (key order aside). */
export function sameValues(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? "") !== (b[k] ?? "")) return false;
  return true;
}
