import { fieldsAt, rememberedPerField, type SelectionInfo } from '../../core/src/index.js';
import { userFieldsAsked } from '../../accounts/src/index.js';
import { MEMBER_USER_FIELDS } from '../../members/src/index.js';
import { memberFieldsAsked, type MemberParts } from './group-members.repository.js';

/** What a members list reads of each member, as the selection at `path` asks: its own fields, and its user's (none when `user` is not asked). */
function memberPartsAt(info: SelectionInfo, path: readonly string[]): MemberParts {
  const asked = fieldsAt(info, path);
  const user = fieldsAt(info, [...path, 'user']);
  return { fields: asked && memberFieldsAsked(asked), users: user && { fields: userFieldsAsked(user, MEMBER_USER_FIELDS) } };
}

/**
 * What `StudyGroup.members` reads, asked from the group (`studyGroup` reads its members with the group) and from the
 * field itself: the two must agree, since the root primes the loader the field then reads (remembered per field node).
 */
export const memberPartsUnderGroup = rememberedPerField((info) => memberPartsAt(info, ['members']));
export const memberPartsOfField = rememberedPerField((info) => memberPartsAt(info, []));
