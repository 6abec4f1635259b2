export interface PasswordStrength {
  /** zxcvbn's 0 (guessed in seconds) to 4 (very hard to guess). */
  score: 0 | 1 | 2 | 3 | 4;
  warning: string | null;
}

export interface PasswordChecker {
  strength(password: string, userInputs: string[]): PasswordStrength;
  /** The same list, and the same normalising, as the server's "common password" rule. */
  isCommon(password: string): boolean;
}

let loading: Promise<PasswordChecker> | null = null;

/**
 * zxcvbn and its dictionaries weigh more than the rest of the app together, so they arrive in chunks
 * of their own, fetched only where a new password is chosen.
 */
export function loadPasswordChecker(): Promise<PasswordChecker> {
  loading ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    // English feedback texts only: the English word lists would add ~600 kB (gzipped) to every sign-up.
    import('@zxcvbn-ts/language-en/dist/translations'),
  ])
    .then(([core, common, en]) => {
      const zxcvbn = new core.ZxcvbnFactory({
        dictionary: common.dictionary,
        graphs: common.adjacencyGraphs,
        translations: en.default,
      });
      const commonPasswords = new Set(
        common.dictionary['passwords-common'].map((word) => word.toLowerCase()),
      );
      return {
        strength(password, userInputs) {
          const result = zxcvbn.check(password, userInputs);
          return { score: result.score, warning: result.feedback.warning || null };
        },
        isCommon: (password) => commonPasswords.has(password.trim().toLowerCase()),
      } satisfies PasswordChecker;
    })
    .catch((error: unknown) => {
      // A failed chunk download should not stick: the next field that mounts tries again.
      loading = null;
      throw error;
    });
  return loading;
}
