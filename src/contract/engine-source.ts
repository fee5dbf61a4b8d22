// The engine on Hono's typed context: set once by a middleware that answers 503 while the index is
// still loading, so every handler after it reads `c.var.engine` and never has to check.
import type { Context, MiddlewareHandler } from 'hono';
import type { AnswerEngine } from '../engine/answer-engine.js';

export type EngineEnv = { Variables: { engine: AnswerEngine } };

/** The engine once it is open; undefined while the index loads. */
export type EngineSource = () => AnswerEngine | undefined;

export function withEngine(getEngine: EngineSource, whileLoading: (c: Context) => Response | Promise<Response>): MiddlewareHandler<EngineEnv> {
  return async (c, next) => {
    const engine = getEngine();
    if (!engine) return whileLoading(c);
    c.set('engine', engine);
    await next();
  };
}
