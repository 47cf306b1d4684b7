'use client';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/card';

export function FormStatus({ error, notice }: { error: string | null; notice?: string | null }) {
  const t = useTranslations('errors');
  if (error) return <Alert tone="error">{error === '__network__' ? t('INTERNAL') : error}</Alert>;
  if (notice) return <Alert tone="success">{notice}</Alert>;
  return null;
}
