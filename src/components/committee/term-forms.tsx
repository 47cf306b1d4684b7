'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { addMemberAction, createTermAction, updateTermAction } from '@/app/actions/committee';
import {
  ZAddMember,
  ZCreateTerm,
  ZUpdateTerm,
  type TAddMember,
  type TCreateTerm,
  type TUpdateTerm,
} from '@/lib/validation/committee';

// Setting up and editing a committee term and appointing its members.

export function CreateTermForm() {
  const t = useTranslations('committee');
  const router = useRouter();
  const form = useForm<TCreateTerm>({
    resolver: formResolver(ZCreateTerm),
    defaultValues: { name: '', startsOn: '', endsOn: '', scoreScaleMax: 10, minScoresToDecide: 2 },
  });
  const { send, formError, notice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => createTermAction(values), t('termCreated'))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('newTerm')}>
      <FormStatus error={formError} notice={notice} />
      <TermFields form={form} />
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('createTerm')}
        </Button>
      </div>
    </form>
  );
}

function TermFields({ form }: { form: UseFormReturn<TCreateTerm> | UseFormReturn<TUpdateTerm> }) {
  const t = useTranslations('committee');
  const errorText = useErrorText();
  // Both forms share the term's own fields; the edit form only adds the id and version.
  const f = form as UseFormReturn<TCreateTerm>;
  const errors = f.formState.errors;
  return (
    <div className="grid gap-4 sm:grid-cols-5">
      <Field label={t('termName')} error={errorText(errors.name?.message)} required>
        <input className={inputClass} {...f.register('name')} />
      </Field>
      <Field label={t('startsOn')} error={errorText(errors.startsOn?.message)} required>
        <input type="date" className={inputClass} {...f.register('startsOn')} />
      </Field>
      <Field label={t('endsOn')} error={errorText(errors.endsOn?.message)} required>
        <input type="date" className={inputClass} {...f.register('endsOn')} />
      </Field>
      <Field label={t('scoreScaleMax')} error={errorText(errors.scoreScaleMax?.message)} required>
        <input type="number" className={inputClass} {...f.register('scoreScaleMax', { valueAsNumber: true })} />
      </Field>
      <Field label={t('minScoresToDecide')} error={errorText(errors.minScoresToDecide?.message)} required>
        <input type="number" className={inputClass} {...f.register('minScoresToDecide', { valueAsNumber: true })} />
      </Field>
    </div>
  );
}

export function EditTermForm({ term }: { term: TUpdateTerm }) {
  const t = useTranslations('committee');
  const router = useRouter();
  const form = useForm<TUpdateTerm>({ resolver: formResolver(ZUpdateTerm), defaultValues: term });
  const { send, formError, notice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await send(() => updateTermAction(values), t('termSaved'));
    if (saved) {
      form.setValue('version', saved.version);
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={`${t('editTerm')}：${term.name}`}>
      <FormStatus error={formError} notice={notice} />
      <TermFields form={form} />
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('saveTerm')}
        </Button>
      </div>
    </form>
  );
}

export function AddMemberForm({ termId, termName, from }: { termId: string; termName: string; from: string }) {
  const t = useTranslations('committee');
  const te = useTranslations('enums');
  const errorText = useErrorText();
  const router = useRouter();
  const empty: TAddMember = {
    termId,
    email: '',
    category: 'SCIENTIST',
    position: 'MEMBER',
    affiliation: '',
    fromDate: from,
  };
  const form = useForm<TAddMember>({ resolver: formResolver(ZAddMember), defaultValues: empty });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => addMemberAction(values), t('memberAdded'))) {
      form.reset(empty);
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={`${t('addMember')}：${termName}`}>
      <FormStatus error={formError} notice={notice} />
      <div className="grid gap-4 sm:grid-cols-5">
        <Field label={t('email')} error={errorText(errors.email?.message)} required>
          <input type="email" className={inputClass} {...form.register('email')} />
        </Field>
        <Field label={t('category')} error={errorText(errors.category?.message)} required>
          <select className={inputClass} {...form.register('category')}>
            {(['SCIENTIST', 'ENTREPRENEUR', 'INVESTOR'] as const).map((c) => (
              <option key={c} value={c}>
                {te(`CommitteeCategory.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('position')} error={errorText(errors.position?.message)} required>
          <select className={inputClass} {...form.register('position')}>
            {(['MEMBER', 'VICE_CHAIR', 'CHAIR'] as const).map((p) => (
              <option key={p} value={p}>
                {te(`CommitteePosition.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('affiliation')} error={errorText(errors.affiliation?.message)}>
          <input className={inputClass} {...form.register('affiliation')} />
        </Field>
        <Field label={t('fromDate')} error={errorText(errors.fromDate?.message)} required>
          <input type="date" className={inputClass} {...form.register('fromDate')} />
        </Field>
      </div>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('add')}
        </Button>
      </div>
    </form>
  );
}
