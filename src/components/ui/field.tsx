'use client';
import * as Label from '@radix-ui/react-label';
import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';

/** What the control needs to be labelled and described: spread onto the input. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}
import { cn } from '@/lib/cn';

/**
 * Label + control + hint + error, wired for screen readers: the control gets the id, aria-invalid and
 * aria-describedby. The one form-field pattern of the app.
 */
export function Field({
  label,
  hint,
  error,
  required,
  children,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** The control (it receives the id and ARIA props), or a function that places them (controlled inputs). */
  children: ReactElement<Record<string, unknown>> | ((control: ControlProps) => ReactNode);
  className?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const controlProps: ControlProps = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
  };
  const control =
    typeof children === 'function'
      ? children(controlProps)
      : isValidElement(children)
        ? cloneElement(children, { ...controlProps })
        : children;
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <div className="flex items-baseline gap-0.5">
        <Label.Root htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </Label.Root>
        {/* Outside the label so the field's accessible name stays exactly its label; aria-required says it. */}
        {required ? (
          <span className="text-accent-600" aria-hidden="true">
            *
          </span>
        ) : null}
      </div>
      {control}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm text-accent-600" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
