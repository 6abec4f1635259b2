import type { User } from '@taskapp/db';

/** What clients may see of a user (the contract's `user`): never the password hash or internal flags. */
export function toUserDto(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isVerified: user.isVerified,
    createdAt: user.createdAt,
  };
}
