import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../../core/src/index.js';
import { UsersService } from '../../accounts/src/index.js';
import { GroupMemberRole } from './community.enums.js';
import { GroupMembersRepository, type MemberContact } from './group-members.repository.js';

export interface GroupMessage {
  template: string;
  subject: string;
  /** The body after "Dear <name>,". */
  text: string;
  /** Per recipient; a message whose key was used before is not written again. */
  dedupeKey?: (userId: string) => string;
}

/** Emails about groups, written to the outbox inside the caller's transaction. */
@Injectable()
export class GroupNotifier {
  constructor(
    private readonly outbox: OutboxService,
    private readonly members: GroupMembersRepository,
    private readonly users: UsersService,
  ) {}

  /** Active members with where to write to them, most senior first (names and emails from accounts). */
  async contacts(manager: EntityManager, groupId: string, role?: GroupMemberRole): Promise<MemberContact[]> {
    const ids = await this.members.activeUserIds(manager, groupId, role);
    const found = await this.users.contacts(ids, manager);
    return found.flatMap((c) => (c ? [{ userId: c.id, email: c.email, fullName: c.fullName }] : []));
  }

  /** Names and addresses of these people (nulls left out). */
  async contactsOf(manager: EntityManager, userIds: string[]): Promise<MemberContact[]> {
    const found = await this.users.contacts(userIds, manager);
    return found.flatMap((c) => (c ? [{ userId: c.id, email: c.email, fullName: c.fullName }] : []));
  }

  async toMembers(manager: EntityManager, groupId: string, message: GroupMessage, except?: string): Promise<void> {
    const contacts = await this.contacts(manager, groupId);
    await this.send(manager, contacts.filter((c) => c.userId !== except), message);
  }

  async toOrganisers(manager: EntityManager, groupId: string, message: GroupMessage): Promise<void> {
    await this.send(manager, await this.contacts(manager, groupId, GroupMemberRole.FACILITATOR), message);
  }

  async toUser(manager: EntityManager, userId: string, message: GroupMessage): Promise<void> {
    const [user] = await this.users.contacts([userId], manager);
    if (user) await this.send(manager, [{ userId: user.id, email: user.email, fullName: user.fullName }], message);
  }

  private async send(manager: EntityManager, contacts: MemberContact[], message: GroupMessage): Promise<void> {
    for (const contact of contacts) {
      await this.outbox.enqueue(manager, {
        to: contact.email,
        recipientUserId: contact.userId,
        template: message.template,
        subject: message.subject,
        text: `Dear ${contact.fullName},\n\n${message.text}`,
        dedupeKey: message.dedupeKey?.(contact.userId),
      });
    }
  }
}
