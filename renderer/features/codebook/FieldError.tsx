/** A problem shown under the field it is about; the field points here with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

/** aria-invalid and aria-describedby for a field with an optional error. */
export const errorProps = (errorId: string, message: string | null | undefined) =>
  message ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};
