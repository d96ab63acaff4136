"use client";

import type { UseFormRegisterReturn } from "react-hook-form";

interface ExpiryFieldProps {
  choice: UseFormRegisterReturn<"expiry">;
  date: UseFormRegisterReturn<"expiryDate">;
  showDate: boolean;
  dateError?: string;
}

export const EXPIRY_DATE_ID = "api-key-expiry-date";
const EXPIRY_ID = "api-key-expiry";
const EXPIRY_HINT_ID = "api-key-expiry-hint";
const EXPIRY_DATE_ERROR_ID = "api-key-expiry-date-error";

// Offered when creating only: a key's expiry can be brought forward by a roll, never pushed back.
export function ExpiryField({ choice, date, showDate, dateError }: ExpiryFieldProps) {
  return (
    <div>
      <label htmlFor={EXPIRY_ID} className="block text-sm font-medium">
        Expires
      </label>
      <select
        id={EXPIRY_ID}
        {...choice}
        aria-describedby={EXPIRY_HINT_ID}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 sm:w-64"
      >
        <option value="never">Never</option>
        <option value="7">In 7 days</option>
        <option value="30">In 30 days</option>
        <option value="90">In 90 days</option>
        <option value="date">On a date</option>
      </select>
      <p id={EXPIRY_HINT_ID} className="mt-1 text-xs text-slate-600">
        An expired key stops working everywhere and can only be deleted.
      </p>
      {showDate ? (
        <div className="mt-3">
          <label htmlFor={EXPIRY_DATE_ID} className="block text-sm font-medium">
            Expiry date (UTC)
          </label>
          <input
            id={EXPIRY_DATE_ID}
            type="date"
            {...date}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? EXPIRY_DATE_ERROR_ID : undefined}
            className="mt-1 block rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-600"
          />
          {dateError ? (
            <p id={EXPIRY_DATE_ERROR_ID} className="mt-1 text-sm text-red-700">
              {dateError}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
