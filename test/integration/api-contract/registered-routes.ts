import type { Express } from 'express';

/** A route as Express holds it: `get /api/v1/connectors/:id`. */
export interface RegisteredRoute {
  method: string;
  path: string;
}

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/**
 * Every (method, path) registered in an Express 5 app, found by walking its router stack (the
 * `router` package keeps each layer's mount path as `rawPath`). Routes whose path is a RegExp (the
 * UI's catch-all) are listed with `path` as the RegExp's source and `regexp: true`.
 */
export function registeredRoutes(app: Express): (RegisteredRoute & { regexp: boolean })[] {
  const found: (RegisteredRoute & { regexp: boolean })[] = [];
  const walk = (stack: readonly Layer[], prefix: string, depth: number): void => {
    if (depth > 10) throw new Error('The router stack nests deeper than 10 levels.');
    for (const layer of stack) {
      if (layer.route) {
        const { path } = layer.route;
        const regexp = path instanceof RegExp;
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on) found.push({ method, path: regexp ? `${prefix}${path.source}` : `${prefix}${String(path)}`, regexp });
        }
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, `${prefix}${mount}`, depth + 1);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '', 0);
  return found;
}
