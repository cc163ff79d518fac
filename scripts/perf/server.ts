// Builds the app into a folder of its own and serves it with `vite preview`, for the performance scripts and the Lighthouse gate.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const VITE = join('node_modules', '.bin', 'vite');

/** `vite build` into `outDir` (emptied first); throws with vite's output when the build fails. */
export function buildApp(outDir: string): void {
  const result = spawnSync(VITE, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`vite build wrote no ${join(outDir, 'index.html')}`);
}

/** A TCP port nobody listens on right now: `port`, or one the OS picks when 0. Rejects when `port` is taken. */
export function freePort(port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PreviewServer {
  url: string;
  stop(): Promise<void>;
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** Serves `outDir` on 127.0.0.1:`port`; fails if the port is taken rather than measuring someone else's server. */
export async function startPreview(outDir: string, port: number): Promise<PreviewServer> {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`${outDir}/index.html not found: build the app first`);
  // Checked first: otherwise another server already on the port would answer, and this one's refusal go unnoticed.
  await freePort(port).catch(() => {
    throw new Error(`port ${port} is already in use (another preview or run?); pick another with --port`);
  });
  const child = spawn(VITE, ['preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilServing(url, child, 30_000);
  } catch (error) {
    child.kill();
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
