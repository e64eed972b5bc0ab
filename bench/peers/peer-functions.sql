-- Functions PostGraphile exposes as the list reads a plain table cannot express (a filter through
-- another table, an order by a related column). Created by `npm run bench:peers` in the bench database
-- only, in a schema of its own (never in the application's migrations).
CREATE SCHEMA IF NOT EXISTS bench_peers;

-- Published, cancelled and completed events that end after `ends_after`, soonest first (Query.events).
CREATE OR REPLACE FUNCTION bench_peers.events_from(ends_after timestamptz) RETURNS SETOF public.events
  LANGUAGE sql STABLE AS $$
  SELECT * FROM public.events e WHERE e.status IN ('PUBLISHED', 'CANCELLED', 'COMPLETED') AND e.ends_at > ends_after ORDER BY e.starts_at, e.id
$$;

-- Members in good standing who chose to be listed, by name (Query.memberDirectory without a search).
CREATE OR REPLACE FUNCTION bench_peers.member_directory() RETURNS SETOF public.users
  LANGUAGE sql STABLE AS $$
  SELECT u.* FROM public.users u
    JOIN public.member_profiles p ON p.user_id = u.id
    JOIN public.memberships m ON m.user_id = u.id
     AND (m.status = 'ACTIVE' OR (m.status = 'GRACE' AND (m.grace_ends_at IS NULL OR m.grace_ends_at > now())))
   WHERE p.directory_visible
   ORDER BY u.full_name, u.id
$$;

-- A person's registrations by event start (Query.myRegistrations).
CREATE OR REPLACE FUNCTION bench_peers.my_registrations(viewer uuid) RETURNS SETOF public.event_registrations
  LANGUAGE sql STABLE AS $$
  SELECT r.* FROM public.event_registrations r JOIN public.events e ON e.id = r.event_id WHERE r.user_id = viewer ORDER BY e.starts_at, r.id
$$;
