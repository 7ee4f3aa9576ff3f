// The part of autocannon 9 the load run uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  namespace autocannon {
    type Request = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
    };
    type Options = { url: string; connections?: number; duration?: number; requests?: Request[] };
    type Result = {
      requests: { total: number; average: number };
      latency: { p50: number; p90: number; p97_5: number; p99: number; max: number };
      errors: number;
      timeouts: number;
      non2xx: number;
    };
    type Instance = EventEmitter & {
      on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): Instance;
      on(event: "done", listener: (result: Result) => void): Instance;
    };
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
