'use client';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { useState } from 'react';
import {
  buildPanelAgendaAction,
  closePanelItemVoteAction,
  closePanelMeetingAction,
  movePanelItemAction,
  openPanelItemAction,
  removePanelMemberAction,
  setPanelAttendanceAction,
  skipPanelItemAction,
  startPanelMeetingAction,
} from '@/app/(portal)/commission/panels/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button, type ButtonProps } from '@/components/ui/button';
import type { ActionResult } from '@/lib/errors';

// The one-click steps of a meeting (start, open an item, close its vote, skip, attendance, reorder, remove a member):
// a button that sends a fixed input, shows the refusal next to itself in words, and refreshes the page on success.

const ACTIONS = {
  buildAgenda: buildPanelAgendaAction,
  removeMember: removePanelMemberAction,
  moveItem: movePanelItemAction,
  start: startPanelMeetingAction,
  closeMeeting: closePanelMeetingAction,
  attendance: setPanelAttendanceAction,
  openItem: openPanelItemAction,
  closeVote: closePanelItemVoteAction,
  skipItem: skipPanelItemAction,
} satisfies Record<string, (input: unknown) => Promise<ActionResult<unknown>>>;
const call = (kind: keyof typeof ACTIONS, input: unknown) =>
  (ACTIONS[kind] as (input: unknown) => Promise<ActionResult<unknown>>)(input);

export type PanelActionKind = keyof typeof ACTIONS;

export function ActionButton({
  kind,
  input,
  label,
  srLabel,
  confirm,
  variant = 'secondary',
  size = 'sm',
}: {
  kind: PanelActionKind;
  input: Record<string, unknown>;
  label: string;
  /** Tells twenty identical buttons apart for a screen reader ("开始表决：KEY-001"). */
  srLabel?: string;
  /** A question asked before a step that cannot be undone. */
  confirm?: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
}) {
  const router = useRouter();
  const form = useForm();
  const { send, formError } = useActionForm(form);
  const [pending, setPending] = useState(false);
  const run = async () => {
    if (confirm && !window.confirm(confirm)) return;
    setPending(true);
    if ((await send(() => call(kind, input))) !== undefined) router.refresh();
    setPending(false);
  };
  return (
    <div className="flex flex-col gap-1">
      <Button type="button" size={size} variant={variant} pending={pending} onClick={() => void run()}>
        {label}
        {srLabel ? <span className="sr-only">：{srLabel}</span> : null}
      </Button>
      {formError ? (
        <p role="alert" className="max-w-64 text-xs text-accent-600">
          {formError}
        </p>
      ) : null}
    </div>
  );
}
