import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Card } from '../../components/card';
import { UserIcon } from '../../components/icons';

interface AuthPlaceholderProps {
  title: string;
  description: string;
  switchPrompt: string;
  switchTo: '/sign-in' | '/sign-up';
  switchLabel: string;
  children: ReactNode;
}

/** Holds the place of the sign-in and sign-up forms until accounts exist. */
export function AuthPlaceholder({
  title,
  description,
  switchPrompt,
  switchTo,
  switchLabel,
  children,
}: AuthPlaceholderProps) {
  return (
    <div className="mx-auto w-full max-w-sm pt-8">
      <title>{`${title} · Taskapp`}</title>
      <div className="mb-6 text-center">
        <div className="mx-auto mb-4 flex size-10 items-center justify-center rounded-lg bg-accent-soft text-accent-text">
          <UserIcon width={20} height={20} />
        </div>
        <h1 className="font-semibold text-xl tracking-tight">{title}</h1>
        <p className="mt-1 text-muted">{description}</p>
      </div>
      <Card className="px-5 py-4 text-muted">{children}</Card>
      <p className="mt-4 text-center text-muted">
        {switchPrompt}{' '}
        <Link to={switchTo} className="font-medium text-accent-text underline-offset-2 hover:underline">
          {switchLabel}
        </Link>
      </p>
    </div>
  );
}
