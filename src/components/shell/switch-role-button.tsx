'use client';
import { useState, useTransition } from 'react';
import type { Role } from '@/domain/auth/roles';
import { switchRoleAction } from '@/app/actions/session';
import { Button } from '@/components/ui/button';

export function SwitchRoleButton({ role, label }: { role: Role; label: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await switchRoleAction({ role });
            if (result && !result.ok) setError(result.message);
          })
        }
      >
        {label}
      </Button>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-accent-600">
          {error}
        </p>
      ) : null}
    </>
  );
}
