import { getAuthState, subscribeAuth } from '../../../lib/auth-store';
import { placeOfPath } from '../../navigation/place';
import { parseTaskView } from '../view/task-view';
import { prefetchPlace } from './prefetch-task-screen';

/**
 * Opening the app at a task place: its first list is asked for the moment the session is restored, not
 * after React has rendered the router and entered the route (on a phone that is a few hundred ms of CPU
 * between the refresh's answer and the list's request). The route's loader then finds it on its way.
 * `/` may redirect to the place shown last, and a filtered address is parsed by the router: both are
 * left to the loader. Returns the unsubscribe.
 */
export function prefetchFirstPlaceOnSessionRestore(): () => void {
  if (getAuthState().status !== 'restoring') return () => undefined;
  const { pathname, search } = window.location;
  const place = pathname === '/' ? null : placeOfPath(pathname);
  if (!place || search !== '') return () => undefined;
  const unsubscribe = subscribeAuth((state) => {
    if (state.status === 'restoring') return;
    unsubscribe();
    if (state.status === 'signed-in' && window.location.pathname === pathname) {
      prefetchPlace(place, parseTaskView({}));
    }
  });
  return unsubscribe;
}
