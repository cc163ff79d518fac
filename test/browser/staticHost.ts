// A tiny static file server for the browser tests: serves the built app under a sub-path (as a course platform or GitHub Pages
// would), plus extra HTML pages such as a course page that embeds the app in an iframe. Port 0: the system picks a free port.

import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** The folder the Playwright config builds the app into (playwright.config.ts reads the same variable). */
export const BUILD_DIR = resolve(process.env.BROWSER_TEST_BUILD_DIR ?? 'test/artifacts/dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface StaticHost {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Addresses the server answered, in order (path and query), for checking what came from the network. */
  requests: string[];
  close(): Promise<void>;
}

export interface StaticHostOptions {
  /** Where the app lives, with leading and trailing slash, e.g. '/course/week-3/convscope/'. */
  prefix: string;
  /** Extra pages by path (e.g. '/host.html'), served as HTML. */
  pages?: Record<string, string>;
}

async function fileUnder(root: string, relativePath: string): Promise<string | null> {
  const file = normalize(join(root, relativePath));
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return fileUnder(root, join(relativePath, 'index.html'));
    return info.isFile() ? file : null;
  } catch {
    return null;
  }
}

export async function startStaticHost(options: StaticHostOptions): Promise<StaticHost> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    requests.push(`${url.pathname}${url.search}`);
    const page = options.pages?.[url.pathname];
    if (page !== undefined) {
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': 'no-cache' });
      response.end(page);
      return;
    }
    // The app's folder without its slash: redirect, as static hosts do, so relative asset paths resolve inside it.
    if (url.pathname === options.prefix.slice(0, -1)) {
      response.writeHead(301, { Location: `${options.prefix}${url.search}` });
      response.end();
      return;
    }
    if (!url.pathname.startsWith(options.prefix)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
      return;
    }
    void (async () => {
      const file = await fileUnder(BUILD_DIR, decodeURIComponent(url.pathname.slice(options.prefix.length)));
      if (!file) {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('not found');
        return;
      }
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        // The service worker script must be revalidated on every check, as on a real host; the rest may be cached.
        'Cache-Control': file.endsWith('sw.js') ? 'no-cache' : 'max-age=60',
      });
      response.end(body);
    })().catch(() => {
      response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end('server error');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static host: no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
