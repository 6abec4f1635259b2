import { Check, Circle, X } from 'lucide-react';
import type { PasswordRule } from './password-rules';

const SPOKEN = { met: 'done', unmet: 'not yet', pending: 'checking' } as const;

/** The rules a new password must meet, ticked off while typing. */
export function PasswordChecklist({ rules, showFailures }: { rules: PasswordRule[]; showFailures: boolean }) {
  return (
    <ul className="flex flex-col gap-0.5" aria-label="Password requirements">
      {rules.map((rule) => {
        const failed = rule.state === 'unmet' && showFailures;
        const Icon = rule.state === 'met' ? Check : failed ? X : Circle;
        const tone = rule.state === 'met' ? 'text-success' : failed ? 'text-danger' : 'text-faint';
        return (
          <li key={rule.id} className={`flex items-center gap-1.5 ${rule.state === 'met' ? 'text-fg' : ''}`}>
            <Icon
              aria-hidden="true"
              className={`shrink-0 ${tone} ${rule.state === 'met' || failed ? 'size-3.5' : 'size-2.5 mx-0.5'}`}
              strokeWidth={rule.state === 'met' || failed ? 2.5 : 2}
            />
            <span>{rule.label}</span>
            <span className="sr-only">: {SPOKEN[rule.state]}</span>
          </li>
        );
      })}
    </ul>
  );
}
