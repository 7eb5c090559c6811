/** The part of eslint-scope (no types of its own) that scripts/page-build.ts uses. */
declare module 'eslint-scope' {
  interface Reference {
    isWrite(): boolean;
    /** True for the write that declares the variable (`let x = 1`). */
    init?: boolean;
  }
  interface Variable {
    references: Reference[];
  }
  interface Scope {
    type: string;
    set: Map<string, Variable>;
    childScopes: Scope[];
  }
  export function analyze(
    ast: unknown,
    options: { ecmaVersion: number; sourceType: 'module' | 'script'; fallback?: 'iteration' },
  ): { globalScope: Scope };
}
