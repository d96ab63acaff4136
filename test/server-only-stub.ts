// Stands in for the `server-only` marker under vitest, where modules run outside React's server bundle.
export {};
