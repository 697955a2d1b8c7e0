/**
 * Content collections. Lessons live in ./content/docs (English) and ./content/docs/zh-cn
 * (Simplified Chinese), beside src/ rather than inside it, so the loader is a glob based there;
 * Starlight's docsSchema validates the frontmatter. Files starting with `_` are drafts and skipped.
 * UI translations Starlight lacks live in src/content/i18n (its i18n collection).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema(),
  }),
  // Starlight's own UI strings, added to where its built-in Chinese has none: the search dialog's
  // Pagefind strings ("14 results for 偏置", "Clear" were English on /zh-cn/ pages).
  // Files: src/content/i18n/<lang>.json, named after the locale's lang (zh-CN).
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
