import type { Ref, SelectHTMLAttributes } from 'react';
import { Field, INPUT_CLASSES } from './field';

interface SelectFieldProps<T extends string>
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> {
  label: string;
  /** The values, in the order the list shows them. */
  options: readonly T[];
  optionLabels: Record<T, string>;
  ref?: Ref<HTMLSelectElement>;
}

export function SelectField<T extends string>({
  label,
  options,
  optionLabels,
  ref,
  ...select
}: SelectFieldProps<T>) {
  return (
    <Field label={label}>
      {(control) => (
        <select ref={ref} className={INPUT_CLASSES} {...control} {...select}>
          {options.map((value) => (
            <option key={value} value={value}>
              {optionLabels[value]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
