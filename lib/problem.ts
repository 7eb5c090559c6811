/**
 * The base of every failure Account Desk expects: a `kind` to branch on and a
 * message to show. The background's router turns any of them into a Problem
 * for the asking page; anything else is a bug and reaches it as "internal".
 */
export abstract class ProblemError extends Error {
  abstract readonly kind: string;
}
