'use client';
import { useTranslations } from 'next-intl';
import { useState, type InputHTMLAttributes } from 'react';
import { fenToWan, parseMoney } from '@/domain/money';
import { inputClass } from '@/components/ui/styles';

type Base = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

/**
 * Money typed in 万元, held by the form as a fen digit string (the rules' own representation). What cannot be
 * parsed is kept as typed and marked invalid, so the schema names the problem and nothing typed is lost. The text is
 * the input's own state: a form that resets these fields re-mounts them (a `key`).
 */
export function WanInput({ value, onChange, ...props }: Base & { value: string; onChange: (fen: string) => void }) {
  const t = useTranslations('common');
  const [text, setText] = useState(() => (/^\d+$/.test(value) ? fenToWan(BigInt(value)) : ''));
  return (
    <div className="flex items-center gap-2">
      <input
        {...props}
        inputMode="decimal"
        className={inputClass}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseMoney(e.target.value, 'wan');
          onChange(parsed.ok ? parsed.fen.toString() : `invalid:${e.target.value}`);
        }}
      />
      <span className="shrink-0 text-sm text-slate-600" aria-hidden="true">
        {t('unitWan')}
      </span>
    </div>
  );
}

/** A share typed as a percentage (up to two decimals), held as basis points (8000 = 80%). */
export function PercentInput({ value, onChange, ...props }: Base & { value: number; onChange: (bp: number) => void }) {
  const [text, setText] = useState(() => (Number.isFinite(value) ? String(value / 100) : ''));
  return (
    <div className="flex items-center gap-2">
      <input
        {...props}
        inputMode="decimal"
        className={inputClass}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value.trim());
          onChange(e.target.value.trim() === '' || !Number.isFinite(n) ? Number.NaN : Math.round(n * 100));
        }}
      />
      <span className="shrink-0 text-sm text-slate-600" aria-hidden="true">
        %
      </span>
    </div>
  );
}
