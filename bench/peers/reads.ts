/**
 * The reads `npm run bench:peers` times, each as Guildhall, PostGraphile 5 and the raw baseline ask it, and
 * how each answer becomes one comparable shape (`canonical`): the bench refuses to time a target whose
 * answer differs from the raw baseline's.
 */

export type Target = 'guildhall' | 'postgraphile' | 'raw';
export const TARGETS: readonly Target[] = ['guildhall', 'postgraphile', 'raw'];

export interface PeerContext {
  memberId: string;
  /** `events(from:)`: fixed for the run (ISO). */
  from: string;
  /** The first 20 events from `from`, in order (for the aliased staff query). */
  eventIds: string[];
  attendeesEventId: string;
  cohortId: string;
  groupId: string;
  /** Use Event.registrations (true) or aliased eventRegistrations (false) for the staff page. */
  eventRegistrationsField: boolean;
  /** Events on the staff page: 20, or 15 through aliases (the API allows at most 15 aliases per request). */
  staffEvents: number;
}

export interface TargetRequest {
  /** Path on the target (`/graphql` for the GraphQL targets). */
  path: string;
  body: Record<string, unknown>;
  /** Guildhall only: whose access token is sent. */
  as?: 'member' | 'admin';
  canonical(data: any): unknown;
}

export interface PeerRead {
  name: string;
  /** Short name used by BENCH_READS. */
  key: string;
  requests: Record<Target, TargetRequest>;
}

const time = (value: string | null) => (value === null ? null : new Date(value).toISOString());
const edges = (connection: { edges: Array<{ node: any }> }) => connection.edges.map((e) => e.node);
const nodes = (connection: { nodes: any[] }) => connection.nodes;
const gql = (query: string, variables: Record<string, unknown> = {}) => ({ query, variables });
const same = (data: any) => data;

const USER_FIELDS = 'fullName membership { status tier { name eventDiscountPercent } }';
const PG_MEMBERSHIP = 'membershipsByUserId(first: 1, orderBy: CREATED_AT_DESC) { nodes { status membershipTierByTierId { name eventDiscountPercent } } }';
const pgTier = (user: any) => nodes(user.membershipsByUserId)[0]?.membershipTierByTierId ?? null;

function staffEventsPage(ctx: PeerContext): TargetRequest {
  const registrationFields = `edges { node { id status user { ${USER_FIELDS} } } }`;
  const toRegistration = (r: any) => ({ id: r.id, status: r.status, fullName: r.user.fullName, tier: r.user.membership?.tier.name ?? null });
  if (ctx.eventRegistrationsField) {
    return {
      path: '/graphql',
      as: 'admin',
      body: gql(`query($from: DateTime, $first: Int) { events(first: $first, from: $from) { edges { node { id title sessions { id title } registrations(first: 20) { ${registrationFields} } } } } }`, {
        from: ctx.from,
        first: ctx.staffEvents,
      }),
      canonical: (data) => edges(data.events).map((e) => ({ id: e.id, title: e.title, sessions: e.sessions, registrations: edges(e.registrations).map(toRegistration) })),
    };
  }
  const aliases = ctx.eventIds.slice(0, ctx.staffEvents).map((id, i) => `r${i}: eventRegistrations(eventId: "${id}", first: 20) { ${registrationFields} }`).join('\n');
  return {
    path: '/graphql',
    as: 'admin',
    body: gql(`query($from: DateTime, $first: Int) { events(first: $first, from: $from) { edges { node { id title sessions { id title } } } }\n${aliases} }`, { from: ctx.from, first: ctx.staffEvents }),
    canonical: (data) => edges(data.events).map((e, i) => ({ id: e.id, title: e.title, sessions: e.sessions, registrations: edges(data[`r${i}`]).map(toRegistration) })),
  };
}

export function peerReads(ctx: PeerContext): PeerRead[] {
  return [
    {
      key: 'me',
      name: 'one row (me)',
      requests: {
        guildhall: { path: '/graphql', as: 'member', body: gql('{ me { id email fullName role } }'), canonical: (d) => d.me },
        postgraphile: {
          path: '/graphql',
          body: gql('query($id: UUID!) { userByRowId(rowId: $id) { rowId email fullName role } }', { id: ctx.memberId }),
          canonical: (d) => ({ id: d.userByRowId.rowId, email: d.userByRowId.email, fullName: d.userByRowId.fullName, role: d.userByRowId.role }),
        },
        raw: { path: '/me', body: { userId: ctx.memberId }, canonical: same },
      },
    },
    {
      key: 'directory',
      name: 'directory page (first: 20)',
      requests: {
        guildhall: {
          path: '/graphql',
          as: 'member',
          body: gql('{ memberDirectory(first: 20) { edges { node { id fullName headline location employer skills } } } }'),
          canonical: (d) => edges(d.memberDirectory),
        },
        postgraphile: {
          path: '/graphql',
          body: gql('{ benchPeersMemberDirectory(first: 20) { nodes { rowId fullName memberProfileByUserId { headline location employer skills } } } }'),
          canonical: (d) => nodes(d.benchPeersMemberDirectory).map((u) => ({ id: u.rowId, fullName: u.fullName, ...u.memberProfileByUserId })),
        },
        raw: { path: '/directory', body: { first: 20 }, canonical: same },
      },
    },
    {
      key: 'staffEvents',
      name: `${ctx.staffEvents} events × sessions × 20 registrations × person × tier (admin)`,
      requests: {
        guildhall: staffEventsPage(ctx),
        postgraphile: {
          path: '/graphql',
          body: gql(
            `query($from: Datetime!, $first: Int) { benchPeersEventsFrom(endsAfter: $from, first: $first) { nodes { rowId title
               eventSessionsByEventId(orderBy: [STARTS_AT_ASC, ROW_ID_ASC]) { nodes { rowId title } }
               eventRegistrationsByEventId(first: 20, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) { nodes { rowId status userByUserId { fullName ${PG_MEMBERSHIP} } } } } } }`,
            { from: ctx.from, first: ctx.staffEvents },
          ),
          canonical: (d) =>
            nodes(d.benchPeersEventsFrom).map((e) => ({
              id: e.rowId,
              title: e.title,
              sessions: nodes(e.eventSessionsByEventId).map((s) => ({ id: s.rowId, title: s.title })),
              registrations: nodes(e.eventRegistrationsByEventId).map((r) => ({ id: r.rowId, status: r.status, fullName: r.userByUserId.fullName, tier: pgTier(r.userByUserId)?.name ?? null })),
            })),
        },
        raw: { path: '/eventsNested', body: { from: ctx.from, first: ctx.staffEvents, registrations: 20 }, canonical: same },
      },
    },
    {
      key: 'eventsSessions',
      name: '20 events with sessions',
      requests: {
        guildhall: {
          path: '/graphql',
          as: 'member',
          body: gql('query($from: DateTime) { events(first: 20, from: $from) { edges { node { id title startsAt seatsRemaining sessions { id title startsAt ceCredits } } } } }', { from: ctx.from }),
          canonical: (d) => edges(d.events).map((e) => ({ ...e, startsAt: time(e.startsAt), sessions: e.sessions.map((s: any) => ({ ...s, startsAt: time(s.startsAt) })) })),
        },
        postgraphile: {
          path: '/graphql',
          body: gql(
            `query($from: Datetime!) { benchPeersEventsFrom(endsAfter: $from, first: 20) { nodes { rowId title startsAt capacity seatsTaken
               eventSessionsByEventId(orderBy: [STARTS_AT_ASC, ROW_ID_ASC]) { nodes { rowId title startsAt ceCredits } } } } }`,
            { from: ctx.from },
          ),
          canonical: (d) =>
            nodes(d.benchPeersEventsFrom).map((e) => ({
              id: e.rowId,
              title: e.title,
              startsAt: time(e.startsAt),
              seatsRemaining: e.capacity === null ? null : e.capacity - e.seatsTaken,
              sessions: nodes(e.eventSessionsByEventId).map((s) => ({ id: s.rowId, title: s.title, startsAt: time(s.startsAt), ceCredits: Number(s.ceCredits) })),
            })),
        },
        raw: {
          path: '/eventsWithSessions',
          body: { from: ctx.from, first: 20 },
          canonical: (d) => d.map((e: any) => ({ ...e, startsAt: time(e.startsAt), sessions: e.sessions.map((s: any) => ({ ...s, startsAt: time(s.startsAt) })) })),
        },
      },
    },
    {
      key: 'attendees',
      name: "one event's 50 attendees with person and tier (admin)",
      requests: {
        guildhall: {
          path: '/graphql',
          as: 'admin',
          body: gql(`query($eventId: ID!) { eventRegistrations(eventId: $eventId, first: 50) { edges { node { id status user { ${USER_FIELDS} } } } } }`, { eventId: ctx.attendeesEventId }),
          canonical: (d) =>
            edges(d.eventRegistrations).map((r) => ({
              id: r.id,
              status: r.status,
              fullName: r.user.fullName,
              membershipStatus: r.user.membership?.status ?? null,
              tier: r.user.membership?.tier.name ?? null,
              discount: r.user.membership?.tier.eventDiscountPercent ?? null,
            })),
        },
        postgraphile: {
          path: '/graphql',
          body: gql(
            `query($eventId: UUID!) { allEventRegistrations(condition: { eventId: $eventId }, first: 50, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) { nodes { rowId status userByUserId { fullName ${PG_MEMBERSHIP} } } } }`,
            { eventId: ctx.attendeesEventId },
          ),
          canonical: (d) =>
            nodes(d.allEventRegistrations).map((r) => {
              const membership = nodes(r.userByUserId.membershipsByUserId)[0];
              return {
                id: r.rowId,
                status: r.status,
                fullName: r.userByUserId.fullName,
                membershipStatus: membership?.status ?? null,
                tier: membership?.membershipTierByTierId.name ?? null,
                discount: membership?.membershipTierByTierId.eventDiscountPercent ?? null,
              };
            }),
        },
        raw: { path: '/attendees', body: { eventId: ctx.attendeesEventId, first: 50 }, canonical: same },
      },
    },
    {
      key: 'myRegistrations',
      name: 'my registrations (first: 20)',
      requests: {
        guildhall: {
          path: '/graphql',
          as: 'member',
          body: gql('{ myRegistrations(first: 20) { edges { node { id status event { id title startsAt } } } } }'),
          canonical: (d) => edges(d.myRegistrations).map((r) => ({ id: r.id, status: r.status, eventId: r.event.id, title: r.event.title, startsAt: time(r.event.startsAt) })),
        },
        postgraphile: {
          path: '/graphql',
          body: gql('query($id: UUID!) { benchPeersMyRegistrations(viewer: $id, first: 20) { nodes { rowId status eventByEventId { rowId title startsAt } } } }', { id: ctx.memberId }),
          canonical: (d) =>
            nodes(d.benchPeersMyRegistrations).map((r) => ({ id: r.rowId, status: r.status, eventId: r.eventByEventId.rowId, title: r.eventByEventId.title, startsAt: time(r.eventByEventId.startsAt) })),
        },
        raw: { path: '/myRegistrations', body: { userId: ctx.memberId, first: 20 }, canonical: (d) => d.map((r: any) => ({ ...r, startsAt: time(r.startsAt) })) },
      },
    },
    {
      key: 'upcoming',
      name: 'upcoming events with sessions and my registration',
      requests: {
        guildhall: {
          path: '/graphql',
          as: 'member',
          body: gql(
            'query($from: DateTime) { events(first: 20, from: $from) { edges { node { id title startsAt seatsRemaining waitlistCount memberPrice { amount currency } sessions { title ceCredits } myRegistration { status } } } } }',
            { from: ctx.from },
          ),
          canonical: (d) =>
            edges(d.events).map(({ myRegistration, ...e }) => ({ ...e, startsAt: time(e.startsAt), myStatus: myRegistration?.status ?? null })),
        },
        postgraphile: {
          path: '/graphql',
          body: gql(
            `query($from: Datetime!, $me: UUID!) { benchPeersEventsFrom(endsAfter: $from, first: 20) { nodes { rowId title startsAt capacity seatsTaken waitlistCount memberPriceAmount priceCurrency
               eventSessionsByEventId(orderBy: [STARTS_AT_ASC, ROW_ID_ASC]) { nodes { title ceCredits } }
               eventRegistrationsByEventId(condition: { userId: $me }, first: 1, orderBy: [CREATED_AT_DESC]) { nodes { status } } } } }`,
            { from: ctx.from, me: ctx.memberId },
          ),
          canonical: (d) =>
            nodes(d.benchPeersEventsFrom).map((e) => ({
              id: e.rowId,
              title: e.title,
              startsAt: time(e.startsAt),
              seatsRemaining: e.capacity === null ? null : e.capacity - e.seatsTaken,
              waitlistCount: e.waitlistCount,
              memberPrice: { amount: e.memberPriceAmount, currency: e.priceCurrency },
              sessions: nodes(e.eventSessionsByEventId).map((s) => ({ title: s.title, ceCredits: Number(s.ceCredits) })),
              myStatus: nodes(e.eventRegistrationsByEventId)[0]?.status ?? null,
            })),
        },
        raw: { path: '/upcomingEvents', body: { from: ctx.from, first: 20, userId: ctx.memberId }, canonical: (d) => d.map((e: any) => ({ ...e, startsAt: time(e.startsAt) })) },
      },
    },
    {
      key: 'cohortPairs',
      name: "a cohort's 20 pairs with check-ins (admin)",
      requests: {
        guildhall: {
          path: '/graphql',
          as: 'admin',
          body: gql('query($id: ID!) { cohort(id: $id) { pairs { id status mentor { fullName } mentee { fullName } checkIns { id happenedAt durationMinutes } } } }', { id: ctx.cohortId }),
          canonical: (d) =>
            d.cohort.pairs.map((p: any) => ({ id: p.id, status: p.status, mentor: p.mentor.fullName, mentee: p.mentee.fullName, checkIns: p.checkIns.map((c: any) => ({ ...c, happenedAt: time(c.happenedAt) })) })),
        },
        postgraphile: {
          path: '/graphql',
          body: gql(
            `query($id: UUID!) { mentoringCohortByRowId(rowId: $id) { mentoringPairsByCohortId(orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) { nodes { rowId status
               userByMentorUserId { fullName } userByMenteeUserId { fullName }
               mentoringCheckInsByPairId(orderBy: [HAPPENED_AT_DESC, ROW_ID_ASC]) { nodes { rowId happenedAt durationMinutes } } } } } }`,
            { id: ctx.cohortId },
          ),
          canonical: (d) =>
            nodes(d.mentoringCohortByRowId.mentoringPairsByCohortId).map((p) => ({
              id: p.rowId,
              status: p.status,
              mentor: p.userByMentorUserId.fullName,
              mentee: p.userByMenteeUserId.fullName,
              checkIns: nodes(p.mentoringCheckInsByPairId).map((c) => ({ id: c.rowId, happenedAt: time(c.happenedAt), durationMinutes: c.durationMinutes })),
            })),
        },
        raw: {
          path: '/cohortPairs',
          body: { cohortId: ctx.cohortId },
          canonical: (d) => d.map((p: any) => ({ ...p, checkIns: p.checkIns.map((c: any) => ({ ...c, happenedAt: time(c.happenedAt) })) })),
        },
      },
    },
    {
      key: 'studyGroup',
      name: 'a study group with 30 members and 4 upcoming meetings (admin)',
      requests: {
        guildhall: {
          path: '/graphql',
          as: 'admin',
          body: gql('query($id: ID!) { studyGroup(id: $id) { id name members { role user { fullName } } upcomingMeetings(count: 4) { id startsAt endsAt } } }', { id: ctx.groupId }),
          canonical: (d) => ({
            id: d.studyGroup.id,
            name: d.studyGroup.name,
            members: d.studyGroup.members.map((m: any) => ({ role: m.role, fullName: m.user.fullName })),
            meetings: d.studyGroup.upcomingMeetings.map((m: any) => ({ id: m.id, startsAt: time(m.startsAt), endsAt: time(m.endsAt) })),
          }),
        },
        postgraphile: {
          path: '/graphql',
          body: gql(
            `query($id: UUID!) { studyGroupByRowId(rowId: $id) { rowId name
               studyGroupMembersByGroupId(condition: { status: "ACTIVE" }, orderBy: [JOINED_AT_ASC, USER_ID_ASC]) { nodes { role userByUserId { fullName } } }
               groupMeetingsByGroupId(condition: { status: "SCHEDULED" }, orderBy: [STARTS_AT_ASC, ROW_ID_ASC], first: 4) { nodes { rowId startsAt endsAt } } } }`,
            { id: ctx.groupId },
          ),
          canonical: (d) => ({
            id: d.studyGroupByRowId.rowId,
            name: d.studyGroupByRowId.name,
            members: nodes(d.studyGroupByRowId.studyGroupMembersByGroupId).map((m) => ({ role: m.role, fullName: m.userByUserId.fullName })),
            meetings: nodes(d.studyGroupByRowId.groupMeetingsByGroupId).map((m) => ({ id: m.rowId, startsAt: time(m.startsAt), endsAt: time(m.endsAt) })),
          }),
        },
        raw: {
          path: '/studyGroup',
          body: { groupId: ctx.groupId, count: 4 },
          canonical: (d) => ({ ...d, meetings: d.meetings.map((m: any) => ({ id: m.id, startsAt: time(m.startsAt), endsAt: time(m.endsAt) })) }),
        },
      },
    },
  ];
}
