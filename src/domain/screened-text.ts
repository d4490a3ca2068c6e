// Free text the personal-data guard has read and let through: clear, or a warning kept with a reason. Only
// the guard makes one (personal-data.ts, `keptText`; a lint rule forbids casting to it anywhere else), and
// every use case that stores or shows typed text takes it, so text that was never screened cannot be kept:
// the compiler refuses it. It is a string at run time and wherever a record holds it.
declare const screened: unique symbol;

export type ScreenedText = string & { readonly [screened]: 'personal-data guard' };

/** A payload whose free-text fields `F` the guard let through (the rest as they were). */
export type WithScreened<T, F extends keyof T> = [F] extends [never]
  ? T
  : T & { [K in F]: Exclude<T[K], string> | ScreenedText };
