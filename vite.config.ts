// Vite build and dev server for the app (with its offline service worker and web app manifest), plus vitest's test settings.
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';

/**
 * The built app's Content-Security-Policy: no inline script, no eval, nothing fetched from elsewhere.
 * Only in the build, since the dev server's hot reload injects an inline script.
 * Inline styles stay allowed: KaTeX's markup positions glyphs with style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'convscope-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

/** The header's colour (src/styles.css .app-header): the installed app's title bar and splash screen. */
const THEME_COLOR = '#1f2a44';
const BACKGROUND_COLOR = '#f7f8fb';

/** Every path is relative (start_url and scope './'), so the installed app works from whatever folder the site is hosted in. */
export const WEB_APP_MANIFEST: Partial<ManifestOptions> = {
  name: 'ConvScope',
  short_name: 'ConvScope',
  description: 'ConvScope: an interactive, step-by-step explainer of convolution in neural networks, in English and Chinese. Works offline.',
  lang: 'en',
  start_url: './',
  scope: './',
  id: './',
  display: 'standalone',
  theme_color: THEME_COLOR,
  background_color: BACKGROUND_COLOR,
  categories: ['education'],
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/** The page's theme colour and Apple touch icon (the manifest link itself is added by vite-plugin-pwa). */
function installMeta(): Plugin {
  return {
    name: 'convscope-install-meta',
    transformIndexHtml: (html) =>
      html.replace(
        '<link rel="icon"',
        `<meta name="theme-color" content="${THEME_COLOR}" />\n    <link rel="apple-touch-icon" href="./icons/apple-touch-icon-180.png" />\n    <link rel="icon"`,
      ),
  };
}

/**
 * Offline after the first visit: a Workbox service worker precaches the whole built app (HTML, JS chunks incl. every lazy panel
 * and the image lab's worker, CSS, KaTeX's woff2 fonts, icons, manifest, sample pictures). Only woff2 of KaTeX's three font formats:
 * every browser with service workers reads woff2, and KaTeX's CSS lists it first. Source maps are not precached.
 * Registered from the bundle (src/main.tsx, virtual:pwa-register), never by an inline script, which the CSP forbids.
 * Not in the dev server (devOptions off). autoUpdate: a new build activates at once and open pages reload into it.
 */
const offlineApp = VitePWA({
  strategies: 'generateSW',
  registerType: 'autoUpdate',
  injectRegister: false,
  manifest: WEB_APP_MANIFEST,
  manifestFilename: 'manifest.webmanifest',
  // The icons are already matched by globPatterns (and the plugin adds the manifest itself): listing them again would duplicate entries.
  includeManifestIcons: false,
  devOptions: { enabled: false },
  workbox: {
    globPatterns: ['**/*.{html,js,css,woff2,png,svg}'],
    globIgnores: ['**/*.map'],
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
  },
});

/**
 * The default panel (Basics) is a lazy chunk, found only once the entry script has run: preloading it and its imports from
 * index.html saves one round trip before the first useful paint (Lighthouse's mobile LCP). Other panels stay lazy.
 */
function preloadDefaultPanel(): Plugin {
  return {
    name: 'convscope-preload-default-panel',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunks = Object.values(context.bundle ?? {}).filter((output) => output.type === 'chunk');
        const panel = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/src/panels/basics/BasicsPanel.tsx'));
        if (!panel) return html;
        const files = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (!chunk || chunk.isEntry || files.has(fileName)) return;
          files.add(fileName);
          chunk.imports.forEach(visit);
        };
        visit(panel.fileName);
        return {
          html,
          tags: [...files].map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          })),
        };
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), installMeta(), preloadDefaultPanel(), offlineApp],
  base: './',
  server: { port: 5173 },
  preview: { port: 4173 },
  build: { target: 'es2022', sourcemap: true },
  test: {
    globals: true,
    environment: 'node',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 20000,
  },
});
