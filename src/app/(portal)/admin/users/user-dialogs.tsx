'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  useFieldArray,
  useForm,
  type Control,
  type FieldErrors,
  type UseFormRegister,
  type UseFormWatch,
} from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { ROLE_INSTITUTION_KINDS, ROLES, type InstitutionKind, type Role } from '@/domain/auth/roles';
import { ZCreateUser, ZResetPassword, ZSetUserRoles, ZUpdateUser, type TCreateUser } from '@/lib/validation/users';
import type { UserRow } from '@/server/users/list-users';
import { createUserAction, resetPasswordAction, setUserRolesAction, updateUserAction } from './actions';

type InstitutionOption = { id: string; name: string; kind: InstitutionKind };
type RoleLabels = Record<string, string>;
type RolesForm = { roles: { role: Role; institutionId?: string | null }[] };

/** One row per role: the role, and its institution when the role is scoped to one (filtered to allowed kinds). */
function RolesEditor({
  control,
  register,
  watch,
  errors,
  institutions,
  roleLabels,
}: {
  control: Control<RolesForm>;
  register: UseFormRegister<RolesForm>;
  watch: UseFormWatch<RolesForm>;
  errors: FieldErrors<RolesForm>;
  institutions: InstitutionOption[];
  roleLabels: RoleLabels;
}) {
  const t = useTranslations('users');
  const errorText = useErrorText();
  const { fields, append, remove } = useFieldArray({ control, name: 'roles' });
  const roles = watch('roles');
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-sm font-medium text-slate-800">{t('roles')}</legend>
      {fields.map((field, index) => {
        const role = roles?.[index]?.role;
        const kinds = role ? ROLE_INSTITUTION_KINDS[role] : null;
        const rowErrors = errors.roles?.[index];
        return (
          <div
            key={field.id}
            className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          >
            <Field label={`${t('role')} ${index + 1}`} error={errorText(rowErrors?.role?.message)}>
              <select className={inputClass} {...register(`roles.${index}.role` as const)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {roleLabels[r]}
                  </option>
                ))}
              </select>
            </Field>
            {kinds ? (
              <Field
                label={t('institutionFor', { role: role ? (roleLabels[role] ?? '') : '' })}
                error={errorText(rowErrors?.institutionId?.message)}
                required
              >
                <select
                  className={inputClass}
                  {...register(`roles.${index}.institutionId` as const, { setValueAs: (v) => (v ? v : null) })}
                >
                  <option value="">{t('choose')}</option>
                  {institutions
                    .filter((i) => kinds.includes(i.kind))
                    .map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.name}
                      </option>
                    ))}
                </select>
              </Field>
            ) : (
              <input
                type="hidden"
                value=""
                {...register(`roles.${index}.institutionId` as const, { setValueAs: () => null })}
              />
            )}
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => remove(index)}
              aria-label={`${t('removeRole')} ${index + 1}`}
            >
              {t('removeRole')}
            </Button>
          </div>
        );
      })}
      {errors.roles?.message || errors.roles?.root?.message ? (
        <p role="alert" className="text-sm text-accent-600">
          {errorText(errors.roles?.message ?? errors.roles?.root?.message)}
        </p>
      ) : null}
      <div>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => append({ role: 'RESEARCHER', institutionId: null })}
        >
          {t('addRole')}
        </Button>
      </div>
    </fieldset>
  );
}

export function CreateUserDialog({
  institutions,
  roleLabels,
}: {
  institutions: InstitutionOption[];
  roleLabels: RoleLabels;
}) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const blank: TCreateUser = {
    email: '',
    name: '',
    locale: 'zh-CN',
    initialPassword: '',
    roles: [{ role: 'RESEARCHER', institutionId: null }],
  };
  const form = useForm<TCreateUser>({ resolver: formResolver(ZCreateUser) as never, defaultValues: blank });
  const { register, handleSubmit, reset, control, watch, formState } = form;
  const { send, formError } = useActionForm(form);
  const onSubmit = handleSubmit(async () => {
    const ok = await send(() => createUserAction(form.getValues()));
    if (ok) {
      reset(blank);
      setOpen(false);
      router.refresh();
    }
  });
  const e = formState.errors;
  return (
    <DialogForm
      title={t('users.new')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={formState.isSubmitting}
      submitLabel={t('common.create')}
      formError={formError}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('users.email')} error={errorText(e.email?.message)} required>
          <input type="email" autoComplete="off" className={inputClass} {...register('email')} />
        </Field>
        <Field label={t('users.name')} error={errorText(e.name?.message)} required>
          <input className={inputClass} {...register('name')} />
        </Field>
        <Field label={t('users.locale')} error={errorText(e.locale?.message)}>
          <select className={inputClass} {...register('locale')}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </Field>
        <Field
          label={t('users.initialPassword')}
          hint={t('users.initialPasswordHint')}
          error={errorText(e.initialPassword?.message)}
          required
        >
          <input type="text" autoComplete="new-password" className={inputClass} {...register('initialPassword')} />
        </Field>
      </div>
      <RolesEditor
        control={control as unknown as Control<RolesForm>}
        register={register as unknown as UseFormRegister<RolesForm>}
        watch={watch as unknown as UseFormWatch<RolesForm>}
        errors={e as FieldErrors<RolesForm>}
        institutions={institutions}
        roleLabels={roleLabels}
      />
    </DialogForm>
  );
}

export function UserRowActions({
  user,
  institutions,
  roleLabels,
  self,
}: {
  user: UserRow;
  institutions: InstitutionOption[];
  roleLabels: RoleLabels;
  self: boolean;
}) {
  return (
    <div className="flex flex-wrap gap-1">
      <EditUserDialog user={user} />
      {self ? null : <RolesDialog user={user} institutions={institutions} roleLabels={roleLabels} />}
      {self ? null : <ResetPasswordDialog user={user} />}
    </div>
  );
}

function EditUserDialog({ user }: { user: UserRow }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm({
    resolver: formResolver(ZUpdateUser),
    defaultValues: {
      id: user.id,
      version: user.version,
      name: user.name,
      locale: user.locale as 'zh-CN' | 'en',
      status: user.status,
    },
  });
  const { register, handleSubmit, formState } = form;
  const { send, formError } = useActionForm(form);
  const onSubmit = handleSubmit(async () => {
    if (await send(() => updateUserAction(form.getValues()))) {
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('common.labelled', { label: t('users.editUser'), value: user.email })}
      triggerLabel={t('common.edit')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={formState.isSubmitting}
      submitLabel={t('common.save')}
      formError={formError}
    >
      <Field label={t('users.name')} error={errorText(formState.errors.name?.message)} required>
        <input className={inputClass} {...register('name')} />
      </Field>
      <Field label={t('users.locale')}>
        <select className={inputClass} {...register('locale')}>
          <option value="zh-CN">中文</option>
          <option value="en">English</option>
        </select>
      </Field>
      <Field label={t('users.status')} error={errorText(formState.errors.status?.message)}>
        <select className={inputClass} {...register('status')}>
          <option value="ACTIVE">{t('enums.userStatus.ACTIVE')}</option>
          <option value="DISABLED">{t('enums.userStatus.DISABLED')}</option>
        </select>
      </Field>
    </DialogForm>
  );
}

function RolesDialog({
  user,
  institutions,
  roleLabels,
}: {
  user: UserRow;
  institutions: InstitutionOption[];
  roleLabels: RoleLabels;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm({
    resolver: formResolver(ZSetUserRoles),
    defaultValues: {
      id: user.id,
      version: user.version,
      roles: user.roles.map((r) => ({ role: r.role, institutionId: r.institutionId })),
    },
  });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    if (await send(() => setUserRolesAction(form.getValues()))) {
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('common.labelled', { label: t('users.editRoles'), value: user.email })}
      triggerLabel={t('users.editRoles')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('common.save')}
      formError={formError}
    >
      <RolesEditor
        control={form.control as unknown as Control<RolesForm>}
        register={form.register as unknown as UseFormRegister<RolesForm>}
        watch={form.watch as unknown as UseFormWatch<RolesForm>}
        errors={form.formState.errors as FieldErrors<RolesForm>}
        institutions={institutions}
        roleLabels={roleLabels}
      />
    </DialogForm>
  );
}

function ResetPasswordDialog({ user }: { user: UserRow }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm({ resolver: formResolver(ZResetPassword), defaultValues: { id: user.id, newPassword: '' } });
  const { send, formError, notice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    if (await send(() => resetPasswordAction(form.getValues()), t('users.passwordReset'))) {
      form.reset({ id: user.id, newPassword: '' });
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('common.labelled', { label: t('users.resetPassword'), value: user.email })}
      triggerLabel={t('users.resetPassword')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('users.resetPassword')}
      formError={formError}
      notice={notice}
    >
      <Field
        label={t('users.newPassword')}
        hint={t('users.initialPasswordHint')}
        error={errorText(form.formState.errors.newPassword?.message)}
        required
      >
        <input type="text" autoComplete="new-password" className={inputClass} {...form.register('newPassword')} />
      </Field>
    </DialogForm>
  );
}
