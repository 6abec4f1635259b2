import { zodResolver } from '@hookform/resolvers/zod';
import { loginInput } from '@taskapp/shared';

/** The sign-in form's checks, the API's own (loaded after the form shows: see lazyResolver). */
export const loginResolver = zodResolver(loginInput);
