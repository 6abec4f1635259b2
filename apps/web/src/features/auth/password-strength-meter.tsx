import type { PasswordStrength } from './load-password-checker';

const LABELS = ['Very weak', 'Weak', 'Fair', 'Good', 'Strong'] as const;
const SEGMENTS = 4;

function toneOf(score: number): string {
  if (score <= 1) return 'bg-danger';
  if (score === 2) return 'bg-warning';
  return 'bg-success';
}

/** zxcvbn's estimate of how hard the password is to guess, as a bar and in words. */
export function PasswordStrengthMeter({ strength }: { strength: PasswordStrength }) {
  const filled = Math.max(strength.score, 1);
  return (
    <div className="mt-2 flex flex-col gap-1">
      <div aria-hidden="true" className="flex gap-1">
        {Array.from({ length: SEGMENTS }, (_, index) => (
          <span
            key={index}
            className={`h-1 flex-1 rounded-full transition-colors ${index < filled ? toneOf(strength.score) : 'bg-line'}`}
          />
        ))}
      </div>
      <p>
        Strength: <span className="font-medium text-fg">{LABELS[strength.score]}</span>
        {strength.warning ? <span>. {strength.warning}</span> : null}
      </p>
    </div>
  );
}
