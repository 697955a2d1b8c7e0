/**
 * Content collections. Lessons live in ./content/docs (English) and ./content/docs/zh-cn
 * (Simplified Chinese), beside src/ rather than inside it, so the loader is a glob based there;
 * Starlight's docsSchema validates the frontmatter. Files starting with `_` are drafts and skipped.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema(),
  }),
};
