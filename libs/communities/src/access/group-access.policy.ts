export const GROUP_ACCESS = 'guildhall:group-access';

/** Where the guarded operation's group comes from. */
export type GroupRef =
  | { from: 'parent'; groupId: (parent: any) => string }
  | { from: 'arg'; arg: string; kind: 'group' | 'meeting' | 'goal' };

export interface GroupAccessPolicy {
  /** `goodStanding`: no group involved, the viewer's association membership must be ACTIVE or GRACE. */
  need: 'member' | 'organiser' | 'goodStanding';
  ref?: GroupRef;
  /** Whether admins pass without being in the group. */
  admins: boolean;
}
