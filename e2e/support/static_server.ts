/**
 * A plain static file server for the production build, as a bare host would serve it: no
 * Content-Security-Policy or any other security header. It counts every request it gets, and a
 * second server on another port (another origin) counts the requests a hostile program aims at
 * it: a sink that must never be reached.
 */
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".json": "application/json",
  ".wasm": "application/wasm",
};

export interface Hit {
  path: string;
  /** Whether the path is one of the app's own files (a built file, or the page itself). */
  ownFile: boolean;
}

export interface StaticServer {
  port: number;
  /** The app's address. */
  appUrl: string;
  /** Another origin (a permissive server that answers anything): it must see no request. */
  sinkUrl: string;
  /** Requests the app's server got. */
  hits: Hit[];
  /** Requests the sink got. */
  sinkHits: string[];
  close(): Promise<void>;
}

/** Serves `root` on a free port. */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const rel = url.pathname === "/" ? "/index.html" : decodeURIComponent(url.pathname);
    const file = normalize(join(root, rel));
    const ownFile = file.startsWith(root) && existsSync(file) && statSync(file).isFile() && url.search === "";
    hits.push({ path: `${url.pathname}${url.search}`, ownFile });
    if (!ownFile) {
      // Answer as a permissive sink would (CORS allowed), so only the page's policy can stop a request.
      res.writeHead(404, { "access-control-allow-origin": "*" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "access-control-allow-origin": "*" });
    res.end(readFileSync(file));
  });
  const sinkHits: string[] = [];
  const sink = createServer((req, res) => {
    sinkHits.push(req.url ?? "");
    res.writeHead(200, { "access-control-allow-origin": "*", "content-type": "text/javascript" });
    res.end("export default 1;");
  });
  const port = await listen(server);
  const sinkPort = await listen(sink);
  return {
    port,
    appUrl: `http://127.0.0.1:${port}`,
    sinkUrl: `http://127.0.0.1:${sinkPort}`,
    hits,
    sinkHits,
    close: async () => {
      await Promise.all([server, sink].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

/** Listens on a free loopback port. */
async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return typeof address === "object" && address ? address.port : 0;
}
