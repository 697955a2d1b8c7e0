/** `client:interact` on an island, for the type checker (astro.config.mjs registers the directive). */
declare module 'astro' {
  interface AstroClientDirectives {
    /** Optionally a localStorage key: when the browser holds it, hydrate on visible too. */
    'client:interact'?: boolean | string;
  }
}

export {};
