/**
 * Starlight route middleware (astro.config.mjs `routeMiddleware`): adds the social card to every
 * page's head. Starlight already writes og:title, og:description, og:url and twitter:card; the card
 * itself (public/social/card.png, drawn by scripts/social-card.ts) and its alt text come from here.
 * Its URL is absolute, built on `site`, as Open Graph requires.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { summarize } from '@calc/engine.ts';
import { fill } from '@i18n/fill.ts';
import { localeOf, pick, type Translated } from '@i18n/index.ts';
import en from '@i18n/en/site.json';
import zh from '@i18n/zh-cn/site.json';
import { facts } from '@lessons/putting-it-together.ts';

const strings: Translated<typeof en> = { en, 'zh-cn': zh };

/** Where the card lives in public/, and its size in pixels. */
export const SOCIAL_CARD = { path: '/social/card.png', width: 1200, height: 630 } as const;

/** The total the card shows, from the engine, as Keras prints it (93,322). */
const cardTotal = summarize(facts.mnist.model).totals.params.toLocaleString('en-US');

export const onRequest = defineRouteMiddleware((context) => {
  const { head, locale } = context.locals.starlightRoute;
  const image = new URL(SOCIAL_CARD.path, context.site ?? context.url).href;
  const alt = fill(pick(strings, localeOf(locale)).socialCardAlt, { total: cardTotal });
  head.push(
    { tag: 'meta', attrs: { property: 'og:image', content: image } },
    { tag: 'meta', attrs: { property: 'og:image:width', content: String(SOCIAL_CARD.width) } },
    { tag: 'meta', attrs: { property: 'og:image:height', content: String(SOCIAL_CARD.height) } },
    { tag: 'meta', attrs: { property: 'og:image:alt', content: alt } },
    { tag: 'meta', attrs: { name: 'twitter:image', content: image } },
    { tag: 'meta', attrs: { name: 'twitter:image:alt', content: alt } },
  );
});
