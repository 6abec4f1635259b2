import { zodResolver } from '@hookform/resolvers/zod';
import { loginInput } from '@taskapp/shared';

/** The sign-in form's checks, the API's own (loaded when the form is first used: see sign-in-form.tsx). */
export const loginResolver = zodResolver(loginInput);
