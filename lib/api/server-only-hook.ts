import { register } from "node:module";

// lib/data marks itself `import "server-only"`, a package that throws unless it is resolved with
// React's "react-server" condition (which Next's server bundles use). Outside those bundles, in
// server.ts and the bench, the marker is resolved to an empty module instead. Running Node with
// --conditions=react-server would do it too, but would also change how Next resolves React.
// Modules that import lib/data must be loaded (dynamic import) after this has run.
const hook = `export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
  return nextResolve(specifier, context);
}`;

export function registerServerOnlyStub(): void {
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
