// The raw baseline's writes for `npm run bench:peers` with BENCH_WRITES (see bench/peers/writes.ts): the same
// transactions as Guildhall's registerForEvent, signUp and Stripe webhook (same locks, checks, rows written, outbox
// rows and jobs), hand-written with pg, a few statements each. The email bodies are made by the same pure helpers
// Guildhall uses (the .ics from the built `calendarDocument`, the QR code from `qrcode`, dates by luxon), so both
// write the same outbox rows and pay for the same formatting; the hash is argon2id with Guildhall's parameters.
import 'reflect-metadata';
import { createHash, createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { DateTime } from 'luxon';
import QRCode from 'qrcode';

const { calendarDocument } = await import(new URL('../../dist-bench/libs/events/src/ics/calendar.js', import.meta.url).href);

const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };
const LIVE = `('PENDING_PAYMENT', 'CONFIRMED', 'OFFERED', 'WAITLISTED')`;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

class Refused extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const checkInCode = () => Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
const when = (event, at = event.startsAt) => DateTime.fromJSDate(at, { zone: event.timezone }).toFormat("cccc d LLLL yyyy, HH:mm ZZZZ '('z')'");
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const EVENT_COLUMNS = `e.id, e.title, e.description, e.kind, e.status, e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.timezone, e.venue,
  e.online_url AS "onlineUrl", e.capacity, e.registration_opens_at AS "registrationOpensAt", e.registration_closes_at AS "registrationClosesAt",
  e.member_price_amount AS "memberPriceAmount", e.non_member_price_amount AS "nonMemberPriceAmount", e.price_currency AS "priceCurrency",
  e.members_only AS "membersOnly", e.seats_taken AS "seatsTaken", e.waitlist_count AS "waitlistCount", e.revision, e.updated_at AS "updatedAt"`;

/** The confirmation email's outbox columns ($n…), as EventMailer.confirmed writes them. */
function confirmedEmail(publicUrl, to, event, registration, fromWaitlist) {
  const lead = fromWaitlist ? 'Good news: a seat opened up and is now yours.' : 'You are registered.';
  return {
    template: fromWaitlist ? 'event-waitlist-promoted' : 'event-registration-confirmed',
    subject: `Confirmed: ${event.title}`,
    text: `Dear ${to.fullName},\n\n${lead}\n\n${event.title}\n${when(event)}${event.venue ? `\n${event.venue}` : ''}\n\nYour ticket code is ${registration.checkInCode}: show the attached QR code (ticket.svg) or tell the code at the door.\n\nThe calendar entry is attached (also at ${publicUrl}/events/${event.id}.ics).`,
    dedupeKey: `event-confirmed:${registration.id}`,
  };
}

async function confirmedAttachments(publicUrl, event, code) {
  return JSON.stringify([
    { filename: 'event.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: calendarDocument([event], publicUrl, event.title) },
    { filename: 'ticket.svg', contentType: 'image/svg+xml', content: await QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) },
  ]);
}

/**
 * An email to the outbox and its delivery job, as OutboxService.enqueue writes them: two CTE steps. `$p`…`$p+6` are
 * the address, template, subject, text, dedupe key, attachments and HTML; `recipient` the recipient's id (SQL);
 * `from` the step whose row makes the email go (none, none sent).
 */
const OUTBOX_STEPS = (p, recipient, from) => `
  mail AS (INSERT INTO outbox_messages (to_address, recipient_user_id, template, subject, body_text, dedupe_key, attachments, body_html, reply_to)
           SELECT $${p}, ${recipient}, $${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, NULL FROM ${from}
           ON CONFLICT (dedupe_key) DO NOTHING RETURNING id),
  job AS (SELECT graphile_worker.add_job('deliver-email', json_build_object('messageId', mail.id), max_attempts => 10) FROM mail)`;

async function inTransaction(pool, work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function register(pool, publicUrl, { userId, eventId }) {
  // Who registers, whether the association lets them, and their discount (good standing) before the lock.
  const { rows: [registrant] } = await pool.query(
    `SELECT u.email, u.full_name AS "fullName",
            (u.email_verified_at IS NOT NULL OR NOT coalesce((SELECT s.require_verified_email FROM association_settings s WHERE s.id), false)) AS allowed,
            (SELECT CASE WHEN m.status = 'ACTIVE' OR (m.status = 'GRACE' AND (m.grace_ends_at IS NULL OR m.grace_ends_at > now())) THEN coalesce(t.event_discount_percent, 0) END
               FROM memberships m JOIN membership_tiers t ON t.id = m.tier_id
              WHERE m.user_id = u.id AND m.status IN ('PENDING_APPROVAL', 'PENDING_PAYMENT', 'ACTIVE', 'GRACE') LIMIT 1) AS discount
       FROM users u WHERE u.id = $1`,
    [userId],
  );
  if (!registrant) throw new Refused(404, 'NOT_FOUND', 'User not found');
  if (!registrant.allowed) throw new Refused(403, 'FORBIDDEN', 'Verify your email address first');
  return inTransaction(pool, async (client) => {
    const { rows: [event] } = await client.query(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = $1 FOR UPDATE`, [eventId]);
    const now = new Date();
    if (!event || event.status !== 'PUBLISHED') throw new Refused(404, 'NOT_FOUND', 'Event not found or not open');
    if ((event.registrationOpensAt && now < event.registrationOpensAt) || now >= (event.registrationClosesAt ?? event.startsAt)) throw new Refused(409, 'CONFLICT', 'Registration is not open');
    if (event.membersOnly && registrant.discount === null) throw new Refused(403, 'FORBIDDEN', 'Members only');
    const price = registrant.discount === null ? event.nonMemberPriceAmount : Math.round((event.memberPriceAmount * (100 - registrant.discount)) / 100);
    // The bench's hot event is free with room for everyone: the raw baseline implements that path only.
    if (price !== 0 || (event.capacity !== null && event.seatsTaken >= event.capacity) || event.waitlistCount > 0) throw new Refused(501, 'NOT_IMPLEMENTED', 'raw baseline: free seats only');
    const registration = { id: randomUUID(), checkInCode: checkInCode() };
    const to = { email: registrant.email, fullName: registrant.fullName };
    const email = confirmedEmail(publicUrl, to, event, registration, false);
    const { rows: [written] } = await client.query(
      `WITH reg AS (INSERT INTO event_registrations (id, event_id, user_id, status, price_amount, price_currency, check_in_code, confirmed_at)
                    SELECT $1, $2, $3, 'CONFIRMED', 0, $4, $5, $6
                     WHERE NOT EXISTS (SELECT 1 FROM event_registrations r WHERE r.event_id = $2 AND r.user_id = $3 AND r.status IN ${LIVE})
                    RETURNING id),
            seats AS (UPDATE events SET seats_taken = seats_taken + 1, updated_at = now() WHERE id = $2 AND EXISTS (SELECT 1 FROM reg) RETURNING 1),
            ${OUTBOX_STEPS(7, '$3::uuid', 'reg')},
            hooks AS (SELECT count(*) AS n FROM webhook_endpoints w, mail WHERE w.enabled AND 'event.registration.confirmed' = ANY(w.events))
       SELECT (SELECT count(*) FROM reg) AS registered, (SELECT count(*) FROM seats) AS seats, (SELECT count(*) FROM job) AS jobs, (SELECT n FROM hooks) AS hooks`,
      [registration.id, event.id, userId, event.priceCurrency, registration.checkInCode, now, to.email, email.template, email.subject, email.text, email.dedupeKey,
        await confirmedAttachments(publicUrl, event, registration.checkInCode), null],
    );
    if (Number(written.registered) !== 1) throw new Refused(409, 'CONFLICT', 'You are already registered for this event');
    return { registerForEvent: { id: registration.id, status: 'CONFIRMED' } };
  });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function signJwt(secret, claims) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

async function signUp(pool, publicUrl, jwtSecret, { input }) {
  const email = String(input?.email ?? '').trim().toLowerCase();
  const fullName = String(input?.fullName ?? '').trim();
  const password = String(input?.password ?? '');
  if (!EMAIL.test(email) || email.length > 254 || password.length < 10 || password.length > 200 || !fullName || fullName.length > 200) throw new Refused(400, 'BAD_USER_INPUT', 'invalid input');
  const passwordHash = await hash(password, ARGON2);
  const link = randomBytes(32).toString('base64url');
  const refresh = randomBytes(32).toString('base64url');
  const sha256 = (text) => createHash('sha256').update(text).digest('hex');
  const url = `${publicUrl}/verify-email?token=${encodeURIComponent(link)}`;
  const lead = 'Please confirm that this is your email address.';
  const tail = 'The link works once, for 7 days.';
  const text = `Dear ${fullName},\n\n${lead}\n\nConfirm my email: ${url}\n\n${tail}`;
  const html = `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5"><p>Dear ${escapeHtml(fullName)},</p><p>${escapeHtml(lead)}</p><p><a href="${escapeHtml(url)}">Confirm my email</a></p><p>Or paste this address into your browser: ${escapeHtml(url)}</p><p>${escapeHtml(tail)}</p></body></html>`;
  let row;
  try {
    // One statement, so one transaction: the account, its verification link and email, a session and its refresh token.
    ({ rows: [row] } = await pool.query(
      `WITH person AS (INSERT INTO users (email, password_hash, full_name, role) VALUES ($1::text, $2, $3, 'USER') RETURNING id, role),
            link AS (INSERT INTO account_tokens (user_id, purpose, token_hash, email, expires_at)
                     SELECT id, 'EMAIL_VERIFICATION', $4, $1, now() + interval '7 days' FROM person),
            ${OUTBOX_STEPS(5, 'person.id', 'person')},
            session AS (INSERT INTO sessions (user_id, user_agent, client_address) SELECT id, $12, $13 FROM person RETURNING id),
            token AS (INSERT INTO refresh_tokens (session_id, token_hash, expires_at) SELECT id, $14, now() + interval '30 days' FROM session)
       SELECT person.id, person.role, session.id AS "sessionId", (SELECT count(*) FROM job) AS jobs FROM person, session`,
      [email, passwordHash, fullName, sha256(link), email, 'account-verify-email', 'Confirm your email address', text, null, null, html, 'autocannon', '127.0.0.1', sha256(refresh)],
    ));
  } catch (error) {
    if (error.code === '23505') throw new Refused(409, 'CONFLICT', 'An account with this email already exists');
    throw error;
  }
  const issuedAt = Math.floor(Date.now() / 1000);
  const accessToken = signJwt(jwtSecret, { role: row.role, sid: row.sessionId, sub: row.id, iss: 'guildhall', aud: 'guildhall-api', iat: issuedAt, exp: issuedAt + 900 });
  return { signUp: { accessToken, refreshToken: refresh } };
}

/** Stripe's scheme (t=…,v1=HMAC-SHA256 of "t.payload"), 300 s tolerance on age, future timestamps refused. */
function verifyStripeSignature(secret, payload, header) {
  const parts = Object.fromEntries(String(header ?? '').split(',').map((kv) => kv.split('=')));
  const t = Number(parts.t);
  const now = Math.floor(Date.now() / 1000);
  if (!parts.t || !parts.v1 || !Number.isInteger(t) || now - t > 300 || t - now > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${payload}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function stripeWebhook(pool, publicUrl, secret, payload, signature) {
  if (!verifyStripeSignature(secret, payload, signature)) throw new Refused(400, 'BAD_REQUEST', 'bad signature');
  const event = JSON.parse(payload);
  const { rows: seen } = await pool.query(`SELECT 1 FROM stripe_events WHERE stripe_event_id = $1`, [event.id]);
  if (seen.length) return { received: true, outcome: 'duplicate' };
  const session = event.data.object;
  const ours = event.type === 'checkout.session.completed' && session.mode === 'payment' && session.metadata?.purpose === 'EVENT' && session.metadata?.registrationId && session.payment_status === 'paid';
  return inTransaction(pool, async (client) => {
    const { rows: claimed } = await client.query(
      `INSERT INTO stripe_events (stripe_event_id, type, object_id, event_created_at, source, outcome) VALUES ($1, $2, $3, $4, 'WEBHOOK', $5)
       ON CONFLICT (stripe_event_id) DO NOTHING RETURNING 1`,
      [event.id, event.type, session.id ?? null, new Date(event.created * 1000), ours ? 'APPLIED' : 'IGNORED'],
    );
    if (!claimed.length) return { received: true, outcome: 'duplicate' };
    if (!ours) return { received: true, outcome: 'ignored' };
    // Event first, then the registration: the order every seat decision locks in.
    const { rows: [locked] } = await client.query(
      `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = (SELECT event_id FROM event_registrations WHERE id = $1) FOR UPDATE`,
      [session.metadata.registrationId],
    );
    const { rows: [registration] } = await client.query(
      `SELECT r.id, r.user_id AS "userId", r.status, r.checkout_session_id AS "checkoutSessionId", r.check_in_code AS "checkInCode", r.offers_made AS "offersMade", u.email, u.full_name AS "fullName"
         FROM event_registrations r JOIN users u ON u.id = r.user_id WHERE r.id = $1 FOR UPDATE OF r`,
      [session.metadata.registrationId],
    );
    if (!locked || !registration) return { received: true, outcome: 'applied' };
    // The bench pays seats in time: the raw baseline implements that path only (a late payment would queue a refund).
    if (registration.status !== 'PENDING_PAYMENT' || registration.checkoutSessionId !== session.id) throw new Refused(501, 'NOT_IMPLEMENTED', 'raw baseline: in-time payments only');
    const currency = (session.currency ?? 'usd').toUpperCase();
    const intent = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);
    const email = confirmedEmail(publicUrl, registration, locked, registration, registration.offersMade > 0);
    await client.query(
      `WITH paid AS (INSERT INTO event_payments (registration_id, event_id, user_id, checkout_session_id, payment_intent_id, amount, currency, status, refund_reason)
                     VALUES ($1, $2, $3, $4, $5::text, $6::int, $7::text, 'PAID', NULL) ON CONFLICT (checkout_session_id) DO NOTHING RETURNING id),
            ledger AS (INSERT INTO payments (user_id, purpose, provider, method, amount, currency, amount_refunded, status, description, stripe_payment_intent_id, paid_at)
                       SELECT $3, 'EVENT', 'STRIPE', 'card', $6, $7, 0, 'SUCCEEDED', $8, $5, now() FROM paid
                        WHERE $5::text IS NULL OR NOT EXISTS (SELECT 1 FROM payments p WHERE p.stripe_payment_intent_id = $5)
                       RETURNING id),
            paid_hooks AS (SELECT count(*) AS n FROM webhook_endpoints w, ledger WHERE w.enabled AND 'payment.succeeded' = ANY(w.events)),
            seat AS (UPDATE event_registrations SET status = 'CONFIRMED', confirmed_at = now(), hold_expires_at = NULL, offer_expires_at = NULL, checkout_url = NULL, updated_at = now()
                      WHERE id = $1 AND EXISTS (SELECT 1 FROM paid) RETURNING id),
            ${OUTBOX_STEPS(9, '$3::uuid', 'seat')},
            hooks AS (SELECT count(*) AS n FROM webhook_endpoints w, mail WHERE w.enabled AND 'event.registration.confirmed' = ANY(w.events))
       SELECT (SELECT count(*) FROM paid) AS paid, (SELECT count(*) FROM job) AS jobs, (SELECT n FROM paid_hooks) + (SELECT n FROM hooks) AS hooks`,
      [registration.id, locked.id, registration.userId, session.id, intent, session.amount_total ?? 0, currency, `Seat at ${locked.title}`,
        registration.email, email.template, email.subject, email.text, email.dedupeKey, await confirmedAttachments(publicUrl, locked, registration.checkInCode), null],
    );
    return { received: true, outcome: 'applied' };
  });
}

/**
 * The write routes, added to the raw server when RAW_WRITES is set: POST /register {userId, eventId},
 * POST /signUp {input}, POST /webhooks/stripe (raw body, Stripe-Signature header). Each answers as Guildhall does.
 */
export function writeRoutes(pool, env) {
  const publicUrl = env.PUBLIC_URL;
  if (!publicUrl || !env.JWT_SECRET || !env.STRIPE_WEBHOOK_SECRET) throw new Error('RAW_WRITES needs PUBLIC_URL, JWT_SECRET and STRIPE_WEBHOOK_SECRET');
  const graphql = (work) => (body) => work(JSON.parse(body)).then((data) => ({ status: 200, body: JSON.stringify({ data }) }));
  return {
    '/register': graphql((b) => register(pool, publicUrl, b)),
    '/signUp': graphql((b) => signUp(pool, publicUrl, env.JWT_SECRET, b)),
    '/webhooks/stripe': (body, headers) => stripeWebhook(pool, publicUrl, env.STRIPE_WEBHOOK_SECRET, body, headers['stripe-signature']).then((out) => ({ status: 200, body: JSON.stringify(out) })),
  };
}

export function refusal(error) {
  return error instanceof Refused ? { status: 200, body: JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }) } : null;
}

