import { type ReactNode, useEffect } from 'react';
import { Card } from '../../components/card';
import { takeOverPrerenderedPage } from '../../prerender/take-over';

interface AuthLayoutProps {
  title: string;
  description: ReactNode;
  icon: ReactNode;
  /** Shown under the card: the way to the other form ("New here? Create an account"). */
  footer?: ReactNode;
  children: ReactNode;
}

/** The narrow, centred frame shared by sign in, sign up and the email-link pages. */
export function AuthLayout({ title, description, icon, footer, children }: AuthLayoutProps) {
  // The server sends sign in, sign up and forgot password prerendered: the app's page replaces that copy
  // once it is here, fields and all.
  useEffect(takeOverPrerenderedPage, []);
  return (
    <div className="mx-auto w-full max-w-sm sm:pt-6">
      <title>{`${title} · Taskapp`}</title>
      <div className="mb-6 text-center">
        <div className="mx-auto mb-4 flex size-10 items-center justify-center rounded-lg bg-accent-soft text-accent-text">
          {icon}
        </div>
        <h1 className="font-semibold text-xl tracking-tight">{title}</h1>
        <p className="mt-1 text-muted">{description}</p>
      </div>
      <Card className="px-4 py-5 sm:px-5">{children}</Card>
      {footer ? <p className="mt-4 text-center text-muted">{footer}</p> : null}
    </div>
  );
}

export const TEXT_LINK = 'font-medium text-accent-text underline-offset-2 hover:underline';
