/**
 * /robots.txt: every page may be crawled; the sitemap (written by @astrojs/sitemap, astro.config.mjs)
 * is named with the absolute URL `site` gives it.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  const sitemap = site ? `\nSitemap: ${new URL('sitemap-index.xml', site).href}\n` : '';
  return new Response(`User-agent: *\nAllow: /\n${sitemap}`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
