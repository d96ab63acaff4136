import { Button } from "./button";

interface FormActionsProps {
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  onCancel: () => void;
}

// A dialog form's Cancel and submit buttons, kept in view at the bottom while the form scrolls.
export function FormActions({ submitLabel, pendingLabel, pending, onCancel }: FormActionsProps) {
  return (
    <div className="sticky -bottom-4 -mx-4 flex justify-end gap-3 border-t border-slate-200 bg-white px-4 py-4 sm:-bottom-6 sm:-mx-6 sm:px-6">
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </div>
  );
}
