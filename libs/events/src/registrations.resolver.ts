import { Args, Float, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type GraphQLResolveInfo } from 'graphql';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Authenticated, type ConnectionShape, CurrentRequest, mapNodes, CurrentViewer, OwnerOrPermission, type RequestContext, RequirePermission, StaffPermission, type Viewer, whenLoaded } from '../../core/src/index.js';
import { User, UsersLoader, RequiresVerifiedEmail } from '../../accounts/src/index.js';
import { CheckInArgs, CheckInByCodeArgs, EventRegistrationsArgs, MyRegistrationsArgs, RegisterArgs, RegistrationIdArgs } from './args/event.args.js';
import { CheckInService } from './check-in.service.js';
import { RegistrationStatus } from './events.enums.js';
import { EventsLoader } from './events.loader.js';
import { registrationEventColumnsAsked, registrationPartsAsked } from './registration-parts.js';
import { RegistrationsRepository } from './registrations.repository.js';
import { RegistrationsService } from './registrations.service.js';
import { Event, EventSession } from './types/event.type.js';
import { Registration, RegistrationConnection, type RegistrationRow, SessionAttendance } from './types/registration.type.js';
import { CheckInTicketArgs, EventCheckInCountsArgs } from './tickets/ticket.args.js';
import { EventCheckInCounts, TicketCheckIn } from './tickets/ticket-check-in.type.js';
import { ticketQrSvg } from './tickets/ticket-qr.js';
import { RegistrantSearchArgs } from './check-in/registrant-search.args.js';
import { RegistrantSearchService } from './check-in/registrant-search.service.js';

const toRegistrations = (page: ConnectionShape<RegistrationRow>): ConnectionShape<Registration> => mapNodes(page, (row) => Registration.from(row));
const owner = (r: Registration) => r.userId;

@Resolver(() => Registration)
export class RegistrationsResolver {
  constructor(
    private readonly registrationsService: RegistrationsService,
    private readonly registrations: RegistrationsRepository,
    private readonly checkIns: CheckInService,
    private readonly registrantSearch: RegistrantSearchService,
    private readonly loaders: EventsLoader,
    private readonly users: UsersLoader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Authenticated()
  @Query(() => RegistrationConnection, { description: 'Your registrations by event start.' })
  async myRegistrations(@Args() args: MyRegistrationsArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<Registration>> {
    // Each row's event with only the columns its fields ask for: carried on the registration (Registration.event
    // answers it), never primed into the request's event loader, where another field may ask more of the same event.
    const page = await this.registrations.listForUser(viewer.id, args.upcoming, args, registrationPartsAsked(info).details, registrationEventColumnsAsked(info));
    return mapNodes(page, Registration.withEvent);
  }

  @RequirePermission(StaffPermission.EVENT_MANAGER, StaffPermission.CHECK_IN)
  @Query(() => RegistrationConnection, { description: 'EVENT_MANAGER or CHECK_IN staff: an event’s registrations in the order they were made.' })
  async eventRegistrations(@Args() args: EventRegistrationsArgs, @CurrentRequest() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<Registration>> {
    const parts = registrationPartsAsked(info);
    const page = await this.registrations.listForEvent(args.eventId, args.status, args, parts);
    // The registrants (and their memberships) came with the rows: their fields find them on the rows or in the loaders.
    this.loaders.primeRegistrants(ctx, page.edges.map((edge) => edge.node), parts);
    return mapNodes(page, Registration.withRegistrant);
  }

  @RequirePermission(StaffPermission.EVENT_MANAGER, StaffPermission.CHECK_IN)
  @Query(() => RegistrationConnection, {
    description: 'EVENT_MANAGER or CHECK_IN staff, at the door: the event’s registrants whose name holds every word, by name (each person’s live registration, else the latest); 20 a page at most.',
  })
  async eventRegistrationsByName(@Args() { eventId, name, ...page }: RegistrantSearchArgs): Promise<ConnectionShape<Registration>> {
    return toRegistrations(await this.registrantSearch.byName(eventId, name, page));
  }

  @Authenticated()
  @RequiresVerifiedEmail()
  @Mutation(() => Registration, { description: 'A seat (confirmed when free, held while you pay when not), or a place on the waitlist when full.' })
  async registerForEvent(@Args() { eventId }: RegisterArgs, @CurrentViewer() viewer: Viewer): Promise<Registration> {
    return Registration.from(await this.registrationsService.register(viewer, eventId));
  }

  @Authenticated()
  @Mutation(() => Registration, { description: 'The registrant, or EVENT_MANAGER staff (CHECK_IN alone may not). A paid seat is refunded; the seat goes to the next in line.' })
  async cancelRegistration(@Args() { registrationId }: RegistrationIdArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Registration> {
    return Registration.from(await this.registrationsService.cancel({ actor, requestId: ctx.requestId }, registrationId));
  }

  @Authenticated()
  @RequiresVerifiedEmail()
  @Mutation(() => Registration, { description: 'The registrant takes up an offered seat; a paid seat answers with a checkoutUrl.' })
  async acceptWaitlistOffer(@Args() { registrationId }: RegistrationIdArgs, @CurrentViewer() viewer: Viewer): Promise<Registration> {
    return Registration.from(await this.registrationsService.acceptOffer(viewer, registrationId));
  }

  @RequirePermission(StaffPermission.EVENT_MANAGER)
  @Mutation(() => Registration, {
    description: 'EVENT_MANAGER staff: offers a free seat to a waitlisted person (a free seat is confirmed at once), with the same expiry and email as automatic offers. CONFLICT NO_FREE_SEAT when every seat is taken or offered.',
  })
  async offerWaitlistSeat(@Args() { registrationId }: RegistrationIdArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Registration> {
    return Registration.from(await this.registrationsService.offerSeat({ actor, requestId: ctx.requestId }, registrationId));
  }

  @RequirePermission(StaffPermission.CHECK_IN, StaffPermission.EVENT_MANAGER)
  @Mutation(() => Registration, { description: 'CHECK_IN or EVENT_MANAGER staff: records attendance of a session; sessionId may be omitted for single-session events.' })
  async checkIn(@Args() args: CheckInArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Registration> {
    return Registration.from(await this.checkIns.checkIn({ actor, requestId: ctx.requestId }, args.registrationId, args.sessionId));
  }

  @RequirePermission(StaffPermission.CHECK_IN, StaffPermission.EVENT_MANAGER)
  @Mutation(() => Registration, { description: 'CHECK_IN or EVENT_MANAGER staff: check-in by the code on the registrant’s ticket.' })
  async checkInByCode(@Args() args: CheckInByCodeArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Registration> {
    return Registration.from(await this.checkIns.checkInByCode({ actor, requestId: ctx.requestId }, args.code, args.sessionId));
  }

  @RequirePermission(StaffPermission.CHECK_IN, StaffPermission.EVENT_MANAGER)
  @Mutation(() => TicketCheckIn, {
    description: 'CHECK_IN or EVENT_MANAGER staff, at the door of one event: checks a ticket code in and says what happened (nothing changes unless CHECKED_IN). An unknown code is NOT_FOUND.',
  })
  async checkInTicket(@Args() args: CheckInTicketArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<TicketCheckIn> {
    const result = await this.checkIns.checkInTicket({ actor, requestId: ctx.requestId }, args.eventId, args.code, args.sessionId);
    return { outcome: result.outcome, registration: Registration.from(result.registration) };
  }

  @RequirePermission(StaffPermission.CHECK_IN, StaffPermission.EVENT_MANAGER)
  @Query(() => EventCheckInCounts, { description: 'CHECK_IN or EVENT_MANAGER staff: confirmed registrants and how many are checked in, per session (poll it for live counts).' })
  eventCheckInCounts(@Args() args: EventCheckInCountsArgs): Promise<EventCheckInCounts> {
    return this.checkIns.counts(args.eventId);
  }

  @OwnerOrPermission(owner, StaffPermission.EVENT_MANAGER, StaffPermission.CHECK_IN)
  @ResolveField(() => Event)
  event(@Parent() registration: Registration, @CurrentRequest() ctx: RequestContext): Event | Promise<Event> {
    // Without a promise when the list read the event with the registration (myRegistrations).
    if (registration.eventRow) return Event.from(registration.eventRow);
    return whenLoaded(ctx.loaders.load(this.loaders.eventById(ctx), registration.eventId), (event) => {
      if (!event) throw new Error(`registration ${registration.id} has no event`);
      return Event.from(event);
    });
  }

  @OwnerOrPermission(owner, StaffPermission.EVENT_MANAGER, StaffPermission.CHECK_IN)
  @ResolveField(() => User)
  user(@Parent() registration: Registration, @CurrentRequest() ctx: RequestContext): User | Promise<User> {
    // Without a promise when the list read the registrant with the registration (eventRegistrations, Event.registrations).
    if (registration.registrant) return registration.registrant;
    return whenLoaded(ctx.loaders.load(this.users.byId(ctx), registration.userId), (user) => {
      if (!user) throw new Error(`registration ${registration.id} has no user`);
      return user;
    });
  }

  @OwnerOrPermission(owner, StaffPermission.EVENT_MANAGER)
  @ResolveField(() => Int, { nullable: true, description: 'WAITLISTED: 1 is next in line.' })
  waitlistPosition(@Parent() registration: Registration, @CurrentRequest() ctx: RequestContext): Promise<number | null> | null {
    if (registration.waitlistSeq === null) return null;
    return this.loaders.waitlistPosition(ctx).load(registration.id);
  }

  @OwnerOrPermission(owner, StaffPermission.EVENT_MANAGER)
  @ResolveField(() => String, { nullable: true, description: 'PENDING_PAYMENT: where to pay before holdExpiresAt.' })
  checkoutUrl(@Parent() registration: Registration): string | null {
    return registration.privateCheckoutUrl;
  }

  @OwnerOrPermission(owner, StaffPermission.EVENT_MANAGER, StaffPermission.CHECK_IN)
  @ResolveField(() => String, { description: 'The code on your ticket: door staff check you in with it.' })
  checkInCode(@Parent() registration: Registration): string {
    return registration.privateCheckInCode;
  }

  @OwnerOrPermission(owner, StaffPermission.EVENT_MANAGER, StaffPermission.CHECK_IN)
  @ResolveField(() => String, { description: 'The ticket as a QR code (an SVG document holding checkInCode), for the event page and the door.' })
  ticketQrSvg(@Parent() registration: Registration): Promise<string> {
    return ticketQrSvg(registration.privateCheckInCode);
  }

  @OwnerOrPermission(owner, StaffPermission.EVENT_MANAGER, StaffPermission.CHECK_IN)
  @ResolveField(() => [SessionAttendance])
  async attendance(@Parent() registration: Registration, @CurrentRequest() ctx: RequestContext): Promise<SessionAttendance[]> {
    const attended = await this.loaders.attendanceByRegistrationId(ctx).load(registration.id);
    return attended.map((a) => ({ session: EventSession.from(a.session), checkedInAt: a.checkedInAt, credits: a.session.ceCredits }));
  }

  @OwnerOrPermission(owner, StaffPermission.EVENT_MANAGER)
  @ResolveField(() => Float, { description: 'CE credits of the sessions attended.' })
  async creditsEarned(@Parent() registration: Registration, @CurrentRequest() ctx: RequestContext): Promise<number> {
    const attended = await this.loaders.attendanceByRegistrationId(ctx).load(registration.id);
    return Math.round(attended.reduce((sum, a) => sum + a.session.ceCredits, 0) * 100) / 100;
  }

  @OwnerOrPermission(owner, StaffPermission.EVENT_MANAGER)
  @ResolveField(() => String, { nullable: true, description: 'The certificate PDF, once attendance is recorded (send your bearer token).' })
  async certificateUrl(@Parent() registration: Registration, @CurrentRequest() ctx: RequestContext): Promise<string | null> {
    const attended = await this.loaders.attendanceByRegistrationId(ctx).load(registration.id);
    return attended.length && registration.status === RegistrationStatus.CONFIRMED ? `${this.config.publicUrl}/certificates/${registration.id}.pdf` : null;
  }
}
