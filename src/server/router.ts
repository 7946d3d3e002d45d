// A route table: each route is a method and a path (exact, or a pattern whose groups
// are the parameters). Unknown paths, methods a path does not answer (405 with
// Allow) and badly encoded parameters are decided here, for every table alike.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestError } from './errors.js';

export type Handler = (
  request: IncomingMessage,
  response: ServerResponse,
  params: string[],
) => void | Promise<void>;

export interface Route {
  /** GET routes also answer HEAD where the router says so. */
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string | RegExp;
  handle: Handler;
}

export class Router {
  private readonly exact = new Map<string, Route[]>();
  private readonly patterns: Route[] = [];

  /** `head`: GET routes also answer HEAD (the reading routes; the admin API's do not). */
  constructor(
    routes: readonly Route[],
    private readonly head = true,
  ) {
    for (const route of routes) {
      if (typeof route.path === 'string') {
        this.exact.set(route.path, [...(this.exact.get(route.path) ?? []), route]);
      } else {
        this.patterns.push(route);
      }
    }
  }

  /** The methods `path` answers (empty when no route has it), for 405s and preflights. */
  allowed(path: string): string[] {
    const methods = this.matches(path).flatMap(({ route }) =>
      route.method === 'GET' && this.head ? ['GET', 'HEAD'] : [route.method],
    );
    return [...new Set(methods)];
  }

  /**
   * Runs the route for this request and returns true, or returns false when no
   * route has this path. Throws 405 (with Allow) when the path answers other methods.
   */
  async dispatch(request: IncomingMessage, response: ServerResponse, path: string) {
    const found = this.matches(path);
    if (found.length === 0) return false;
    const method = request.method === 'HEAD' && this.head ? 'GET' : request.method;
    const match = found.find(({ route }) => route.method === method);
    if (!match) {
      request.resume();
      const allow = this.allowed(path).join(', ');
      throw new RequestError(
        405,
        'method_not_allowed',
        `${path} answers ${allow}, not ${request.method ?? 'this method'}.`,
        { headers: { allow } },
      );
    }
    let params: string[];
    try {
      params = match.params.map((part) => decodeURIComponent(part));
    } catch {
      request.resume();
      throw new RequestError(400, 'invalid', 'The path is not validly encoded.');
    }
    await match.route.handle(request, response, params);
    return true;
  }

  private matches(path: string): { route: Route; params: string[] }[] {
    const found = (this.exact.get(path) ?? []).map((route) => ({ route, params: [] as string[] }));
    for (const route of this.patterns) {
      const match = (route.path as RegExp).exec(path);
      if (match) found.push({ route, params: match.slice(1) });
    }
    return found;
  }
}
