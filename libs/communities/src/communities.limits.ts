/** Platform limits that keep every unpaginated list short. */
export const MAX_GROUP_SIZE = 200;
export const MAX_PENDING_REQUESTS = 200;
export const MAX_GOALS_PER_GROUP = 50;
export const MAX_ROTATING_ROLES = 8;
