// Signs in through Auth.js's own credentials endpoint (CSRF token first) and returns the Cookie
// header a browser would then send.
export async function signInCookie(base: string, person: { email: string; password: string }): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map(csrf.headers.getSetCookie().map((line) => cookiePair(line)));
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar) },
    body: new URLSearchParams({ email: person.email, password: person.password, csrfToken, callbackUrl: `${base}/settings/api_keys` }),
  });
  for (const line of response.headers.getSetCookie()) {
    const [name, value] = cookiePair(line);
    jar.set(name, value);
  }
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in failed (${response.status})`);
  return header(jar);
}

function cookiePair(line: string): [string, string] {
  const pair = line.split(";")[0] ?? "";
  const at = pair.indexOf("=");
  return [pair.slice(0, at), pair.slice(at + 1)];
}

function header(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}
