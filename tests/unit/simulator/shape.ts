// Compares the keys and JSON value types of an answer with an example answer,
// recursively. From the example it learns which keys are required (present in
// every example element) and which are optional (present in some); objects
// keyed by ids or months ({"105554": "inner"}, {"2024-04": {…}}) are maps.

type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export interface Shape {
  types: Set<JsonType>;
  /** Object keys: their shape and whether every example had them. */
  keys?: Map<string, { shape: Shape; required: boolean }>;
  /** Map-like objects (id or month keys): the shape of any value. */
  mapValues?: Shape;
  items?: Shape;
}

export function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'boolean' || type === 'number' || type === 'string' || type === 'object') return type;
  throw new TypeError(`not JSON: ${type}`);
}

const MAP_KEY = /^(\d+|\d{4}-\d{2})$/;

function isMapLike(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => MAP_KEY.test(key));
}

export function shapeOf(value: unknown): Shape {
  const type = jsonType(value);
  const shape: Shape = { types: new Set([type]) };
  if (type === 'array') {
    const items = (value as unknown[]).map(shapeOf);
    if (items.length > 0) shape.items = items.reduce(mergeShapes);
  } else if (type === 'object') {
    const object = value as Record<string, unknown>;
    if (isMapLike(object)) {
      shape.mapValues = Object.values(object).map(shapeOf).reduce(mergeShapes);
    } else {
      shape.keys = new Map(Object.entries(object).map(([key, inner]) => [key, { shape: shapeOf(inner), required: true }]));
    }
  }
  return shape;
}

/** Two examples of the same thing: a key is required only if both have it. */
export function mergeShapes(a: Shape, b: Shape): Shape {
  const merged: Shape = { types: new Set([...a.types, ...b.types]) };
  if (a.items || b.items) merged.items = a.items && b.items ? mergeShapes(a.items, b.items) : (a.items ?? b.items);
  if (a.mapValues || b.mapValues) {
    merged.mapValues = a.mapValues && b.mapValues ? mergeShapes(a.mapValues, b.mapValues) : (a.mapValues ?? b.mapValues);
  }
  if (a.keys || b.keys) {
    merged.keys = new Map();
    const names = new Set([...(a.keys?.keys() ?? []), ...(b.keys?.keys() ?? [])]);
    for (const name of names) {
      const left = a.keys?.get(name);
      const right = b.keys?.get(name);
      const shape = left && right ? mergeShapes(left.shape, right.shape) : (left ?? right)!.shape;
      merged.keys.set(name, { shape, required: Boolean(left?.required && right?.required) });
    }
  }
  return merged;
}

/**
 * Task lists nest full task objects in `child` (api-reference §4.1): one shape
 * for every level, learned from all levels of the example.
 */
export function foldRecursive(items: Shape, key: string): Shape {
  const nested = items.keys?.get(key)?.shape.items;
  return nested ? mergeShapes(items, foldRecursive(nested, key)) : items;
}

export interface ShapeExceptions {
  /** A key whose array items have the shape of the object holding it (task `child`). */
  recursiveKey?: string;
  /** Paths (like `data[].relations`) that may be missing although every example has them. */
  conditional?: readonly string[];
  /** Paths of keys we send that the example does not have. */
  extra?: readonly string[];
  /** Paths of optional example keys our answer need not show anywhere (`x.*` covers x's keys). */
  uncovered?: readonly string[];
}

function matches(path: string, patterns: readonly string[] | undefined): boolean {
  return (patterns ?? []).some((pattern) => pattern === path || (pattern.endsWith('.*') && path.startsWith(pattern.slice(0, -1))));
}

/**
 * Problems with `actual` against `expected`, as readable lines; empty when the
 * answer has the example's keys and types.
 */
export function compareShape(actual: unknown, expected: Shape, exceptions: ShapeExceptions = {}): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  walk(actual, expected, 'response', exceptions, problems, seen);
  coverage(expected, 'response', exceptions, problems, seen);
  return problems;
}

function walk(value: unknown, shape: Shape, path: string, exceptions: ShapeExceptions, problems: string[], seen: Set<string>): void {
  const type = jsonType(value);
  if (!shape.types.has(type)) {
    problems.push(`${path}: is ${type}, the example has ${[...shape.types].join(' or ')}`);
    return;
  }
  if (type === 'array' && shape.items) {
    const items = value as unknown[];
    if (items.length === 0) problems.push(`${path}: is an empty array, so its items cannot be compared`);
    items.forEach((item) => walk(item, shape.items!, `${path}[]`, exceptions, problems, seen));
  }
  if (type === 'object') {
    const object = value as Record<string, unknown>;
    if (shape.mapValues) {
      for (const [key, inner] of Object.entries(object)) {
        if (!MAP_KEY.test(key)) problems.push(`${path}: key "${key}" is not an id or month like the example's keys`);
        walk(inner, shape.mapValues, `${path}{}`, exceptions, problems, seen);
      }
      return;
    }
    for (const [key, { shape: inner, required }] of shape.keys ?? []) {
      const keyPath = `${path}.${key}`;
      if (key in object) {
        seen.add(keyPath);
        const nested = object[key];
        if (key === exceptions.recursiveKey && Array.isArray(nested)) {
          // Children are checked as tasks of this same list, under the same path.
          nested.forEach((item) => walk(item, shape, path, exceptions, problems, seen));
        } else {
          walk(nested, inner, keyPath, exceptions, problems, seen);
        }
      } else if (required && !matches(keyPath, exceptions.conditional)) {
        problems.push(`${keyPath}: missing`);
      }
    }
    for (const key of Object.keys(object)) {
      const keyPath = `${path}.${key}`;
      if (!shape.keys?.has(key) && !matches(keyPath, exceptions.extra)) problems.push(`${keyPath}: not in the example`);
    }
  }
}

/** Optional example keys must still show up somewhere in our answer. */
function coverage(shape: Shape, path: string, exceptions: ShapeExceptions, problems: string[], seen: Set<string>): void {
  if (shape.items) coverage(shape.items, `${path}[]`, exceptions, problems, seen);
  if (shape.mapValues) coverage(shape.mapValues, `${path}{}`, exceptions, problems, seen);
  for (const [key, { shape: inner, required }] of shape.keys ?? []) {
    const keyPath = `${path}.${key}`;
    if (!seen.has(keyPath)) {
      // Required keys were reported where they were missing.
      if (!required && !matches(keyPath, exceptions.uncovered) && !matches(keyPath, exceptions.conditional)) {
        problems.push(`${keyPath}: never present in our answer`);
      }
      continue;
    }
    if (key !== exceptions.recursiveKey) coverage(inner, keyPath, exceptions, problems, seen);
  }
}
