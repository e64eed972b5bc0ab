import type { KeyingConfig } from '@urql/exchange-graphcache';

/**
 * Types without an `id` are embedded in their parent in the normalized cache (graphcache asks for
 * this to be said). Add a type here when a document first selects it.
 */
const embedded = [
  'AccountLink',
  'AuthPayload',
  'Money',
  'PageInfo',
  'EventConnection',
  'EventEdge',
  'StudyGroupConnection',
  'StudyGroupEdge',
  'Report',
  'AuditEntryConnection',
  'AuditEntryEdge',
  'OutboxMessageConnection',
  'OutboxMessageEdge',
  'ReportPoint',
  'RegistrationConnection',
  'RegistrationEdge',
  'CertificateVerification',
  'TierPrice',
  'Transcript',
  'CategoryCredits',
  'TranscriptEntry',
  'MeetingSchedule',
  'GroupMember',
  'MeetingRoleAssignment',
  'UserConnection',
  'UserEdge',
  'EventCheckInCounts',
  'SessionCheckInCount',
  'TicketCheckIn',
  'SpaceConnection',
  'SpaceEdge',
  'ThreadConnection',
  'ThreadEdge',
  'PostConnection',
  'PostEdge',
  'ResourceConnection',
  'ResourceEdge',
  'SearchHitConnection',
  'SearchHitEdge',
  'SearchHit',
  'NotificationConnection',
  'NotificationEdge',
  'ReactionCount',
  'NotificationPreference',
];

export const cacheKeys: KeyingConfig = Object.fromEntries(embedded.map((type) => [type, () => null]));
