"use client";

// The sign-in form's action fails outright when server.ts refuses it with 429 (an address that
// failed too often, lib/server/sign-in-gate.ts), or when the server is down: say what may have
// happened without telling which.
export default function SignInError() {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div role="alert" className="w-full max-w-sm rounded-lg border border-red-200 bg-red-50 p-8">
        <h1 className="text-xl font-semibold text-red-900">Sign-in is not available right now</h1>
        <p className="mt-2 text-sm text-red-800">
          There may have been too many failed sign-ins from your network. Wait 15 minutes, then reload this page.
        </p>
      </div>
    </main>
  );
}
