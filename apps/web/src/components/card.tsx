import type { HTMLAttributes } from 'react';

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  const classes = 'rounded-lg border border-line bg-surface shadow-sm';
  return <div className={className ? `${classes} ${className}` : classes} {...props} />;
}
