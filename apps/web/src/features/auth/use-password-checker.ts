import { useEffect, useState } from 'react';
import { loadPasswordChecker, type PasswordChecker } from './load-password-checker';

/** The lazily loaded checker, or null while it downloads (or if it could not be fetched). */
export function usePasswordChecker(): PasswordChecker | null {
  const [checker, setChecker] = useState<PasswordChecker | null>(null);
  useEffect(() => {
    let active = true;
    loadPasswordChecker().then(
      (loaded) => {
        if (active) setChecker(loaded);
      },
      // Without the checker the form still works: the server applies the same rules on submit.
      () => {},
    );
    return () => {
      active = false;
    };
  }, []);
  return checker;
}
