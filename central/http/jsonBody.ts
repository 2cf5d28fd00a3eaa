import type { FastifyInstance } from 'fastify';
import { CENTRAL_API, type Endpoint } from '../../domain/contract/central';
import { refusal } from '../../domain/contract/refusal';
import { isStorableText } from '../../domain/contract/text';
import { HttpProblem } from './problem';

/**
 * The deepest JSON central reads. The deepest legitimate body is a territory import (FeatureCollection →
 * features → feature → geometry → MultiPolygon coordinates → polygon → ring → point: 8 levels).
 */
export const MAX_JSON_DEPTH = 32;

/** The default body size; routes with a `bodyLimit` in central's API table read less (or more). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Each route's own body limit, from central's API table (domain/contract/central.ts). Routes that read other
 * bodies bound them in their own parser: attachments by kind, card-file chunks 1 MB, the network probe 50 MB,
 * the territory import 20 MB.
 */
const BODY_LIMITS = new Map(
  Object.entries(CENTRAL_API as Record<string, Endpoint>).flatMap(([route, endpoint]) =>
    endpoint.bodyLimit === undefined ? [] : [[route, endpoint.bodyLimit] as const],
  ),
);

/**
 * Routes whose body is a list of items each accepted or rejected on its own: their strings are checked by the
 * items' schemas (domain/contract/text.ts), so one bad item does not refuse the others (issue 11, item 3).
 */
const TEXT_CHECKED_PER_ITEM = new Set(['POST /api/sync/push']);

/**
 * The first problem of a parsed JSON value: nesting deeper than `MAX_JSON_DEPTH`, or a string (a value or a
 * key) that PostgreSQL cannot store. Walked with an explicit stack: a body nested 100,000 deep must cost a
 * loop, not the stack.
 */
export function jsonBodyProblem(
  value: unknown,
  options: { text: boolean } = { text: true },
): HttpProblem | null {
  const stack: Node[] = [{ value, depth: 0, key: null, parent: null }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (typeof node.value === 'string') {
      if (options.text && !isStorableText(node.value)) return unstorable(node);
      continue;
    }
    if (typeof node.value !== 'object' || node.value === null) continue;
    if (node.depth >= MAX_JSON_DEPTH)
      return new HttpProblem(
        400,
        refusal('request.tooDeep', { maxDepth: MAX_JSON_DEPTH }),
        `JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
      );
    for (const [key, child] of Object.entries(node.value)) {
      // A bad key is named by the object that holds it: the refusal must itself be storable text.
      if (options.text && !isStorableText(key)) return unstorable(node);
      stack.push({ value: child, depth: node.depth + 1, key, parent: node });
    }
  }
  return null;
}

/** A value met in the walk, with the way back to the root (a path is only spelled out for a refusal). */
type Node = { value: unknown; depth: number; key: string | null; parent: Node | null };

function unstorable(node: Node): HttpProblem {
  const path: string[] = [];
  for (let n: Node | null = node; n !== null && n.key !== null; n = n.parent) path.unshift(n.key);
  return new HttpProblem(
    400,
    refusal('text.unstorable', { field: ['body', ...path].join('.') }),
    'text contains a NUL character or a lone surrogate',
  );
}

/**
 * Every JSON body is read by Fastify's own parser (prototype poisoning refused) and then checked for depth
 * and storable text before any route sees it; each route's size limit comes from BODY_LIMITS. Call before
 * the routes are registered.
 */
export function installJsonBodyBounds(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, typeof body === 'string' ? body : body.toString('utf8'), (error, value) => {
      if (error) return done(error, undefined);
      const text = !TEXT_CHECKED_PER_ITEM.has(`${request.method} ${request.routeOptions.url ?? ''}`);
      const problem = jsonBodyProblem(value, { text });
      if (problem) return done(problem, undefined);
      done(null, value);
    });
  });
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const limit = methods.map((m) => BODY_LIMITS.get(`${m} ${route.url}`)).find((l) => l !== undefined);
    if (limit !== undefined && route.bodyLimit === undefined) route.bodyLimit = limit;
  });
}
