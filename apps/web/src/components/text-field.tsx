import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { Field, INPUT_CLASSES } from './field';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  labelAside?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, error, hint, labelAside, ref, type = 'text', ...input }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} labelAside={labelAside}>
      {(control) => <input ref={ref} type={type} className={INPUT_CLASSES} {...control} {...input} />}
    </Field>
  );
}
