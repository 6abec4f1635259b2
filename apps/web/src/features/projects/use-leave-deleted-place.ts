import { useLocation, useNavigate } from '@tanstack/react-router';
import { forgetPlace } from '../navigation/last-place';
import { type Place, placePath } from '../navigation/place';

/** After a project or label is deleted: forget it as the last place, and leave it if it is open. */
export function useLeaveDeletedPlace() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (place: Place) => {
    forgetPlace(place);
    if (pathname === placePath(place)) void navigate({ to: '/inbox' });
  };
}
