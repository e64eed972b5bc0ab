import { fieldsAt, rememberedPerField, type SelectionInfo } from '../../core/src/index.js';
import { userFieldsAsked } from '../../accounts/src/index.js';
import { MEMBER_USER_FIELDS } from '../../members/src/index.js';
import { type MemberUsers } from './group-members.repository.js';

/** What a members list reads of each member's user, as the selection of `user` at `path` asks (none when not asked). */
function memberUsersAt(info: SelectionInfo, path: readonly string[]): { users?: MemberUsers } {
  const asked = fieldsAt(info, path);
  return { users: asked && { fields: userFieldsAsked(asked, MEMBER_USER_FIELDS) } };
}

/**
 * The users `StudyGroup.members` reads, asked from the group (`studyGroup` reads its members with the group) and from
 * the field itself: the two must agree, since the root primes the loader the field then reads (remembered per field node).
 */
export const memberUsersUnderGroup = rememberedPerField((info) => memberUsersAt(info, ['members', 'user']));
export const memberUsersOfField = rememberedPerField((info) => memberUsersAt(info, ['user']));
