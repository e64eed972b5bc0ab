import { Args, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type GraphQLResolveInfo } from 'graphql';
import { ConnectionArgs, type ConnectionShape, CurrentRequest, CurrentViewer, decodeTimeIdCursor, lazy, mapNodes, pageSize, Public, type RequestContext, RequirePermission, StaffPermission, toConnection, type Viewer, viewerHasPermission, whenLoaded } from '../../core/src/index.js';
import { CancelEventArgs, EventIdArgs, EventsArgs } from './args/event.args.js';
import { EventCancellationPreview } from './types/cancellation-preview.type.js';
import { EventCancellationService } from './event-cancellation.service.js';
import { RegistrationStatus } from './events.enums.js';
import { eventPartsAsked, EventsLoader, leanRegistrationOfField, sessionFieldsOfField } from './events.loader.js';
import { registrationPartsAsked } from './registration-parts.js';
import { EventsService } from './events.service.js';
import { CreateEventInput, UpdateEventInput } from './inputs/event.inputs.js';
import { Event, EventConnection, EventSession } from './types/event.type.js';
import { Registration, RegistrationConnection } from './types/registration.type.js';

@Resolver(() => Event)
export class EventsResolver {
  constructor(
    private readonly eventsService: EventsService,
    private readonly cancellation: EventCancellationService,
    private readonly loaders: EventsLoader,
  ) {}

  @Public()
  @Query(() => EventConnection, { description: 'Published (and cancelled or completed) events, soonest first; admins also see drafts.' })
  async events(@Args() args: EventsArgs, @CurrentViewer() viewer: Viewer | undefined, @CurrentRequest() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<Event>> {
    const parts = eventPartsAsked(info);
    const page = await this.eventsService.list(viewer, args, parts);
    // The sessions and the viewer's registrations came with the rows: their fields find them in the request's loaders.
    this.loaders.primeEventParts(ctx, page.edges.map((edge) => edge.node), parts, viewer?.id);
    return mapNodes(page, Event.from);
  }

  @Public()
  @Query(() => Event, { nullable: true, description: 'Null when there is no such event (or it is a draft and you are not an admin).' })
  async event(@Args() { id }: EventIdArgs, @CurrentViewer() viewer: Viewer | undefined): Promise<Event | null> {
    const event = await this.eventsService.findVisible(viewer, id);
    return event && Event.from(event);
  }

  @RequirePermission(StaffPermission.EVENT_MANAGER)
  @Mutation(() => Event, { description: 'EVENT_MANAGER staff: a new event, as a DRAFT.' })
  async createEvent(@Args('input') input: CreateEventInput, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Event> {
    return Event.from(await this.eventsService.create({ actor, requestId: ctx.requestId }, input));
  }

  @RequirePermission(StaffPermission.EVENT_MANAGER)
  @Mutation(() => Event)
  async updateEvent(@Args() { id }: EventIdArgs, @Args('input') input: UpdateEventInput, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Event> {
    return Event.from(await this.eventsService.update({ actor, requestId: ctx.requestId }, id, input));
  }

  @RequirePermission(StaffPermission.EVENT_MANAGER)
  @Mutation(() => Event)
  async publishEvent(@Args() { id }: EventIdArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Event> {
    return Event.from(await this.eventsService.publish({ actor, requestId: ctx.requestId }, id));
  }

  @RequirePermission(StaffPermission.EVENT_MANAGER)
  @Query(() => EventCancellationPreview, { description: 'EVENT_MANAGER staff: what cancelling the event would do (registrations told, seats refunded); writes nothing.' })
  eventCancellationPreview(@Args() { id }: EventIdArgs): Promise<EventCancellationPreview> {
    return this.cancellation.preview(id);
  }

  @RequirePermission(StaffPermission.EVENT_MANAGER)
  @Mutation(() => Event, { description: 'EVENT_MANAGER staff: cancels every registration, refunds every paid seat, and tells everyone.' })
  async cancelEvent(@Args() { id, reason }: CancelEventArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Event> {
    return Event.from(await this.cancellation.cancel({ actor, requestId: ctx.requestId }, id, reason));
  }

  @Public()
  @ResolveField(() => [EventSession])
  sessions(@Parent() event: Event, @CurrentRequest() ctx: RequestContext, @Info() info: GraphQLResolveInfo): EventSession[] | Promise<EventSession[]> {
    // The loader's plain rows are EventSessions with the fields asked (a list of events primed it with what it read).
    return ctx.loaders.load(this.loaders.sessionsByEventId(ctx, sessionFieldsOfField(info)), event.id);
  }

  @RequirePermission(StaffPermission.EVENT_MANAGER, StaffPermission.CHECK_IN)
  @ResolveField(() => RegistrationConnection, { description: 'EVENT_MANAGER or CHECK_IN staff: the registrations in the order they were made (as eventRegistrations).' })
  async registrations(@Parent() event: Event, @Args() args: ConnectionArgs, @CurrentRequest() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<Registration>> {
    const first = pageSize(args.first);
    const parts = registrationPartsAsked(info);
    const rows = await this.loaders.registrationsPage(ctx, first + 1, decodeTimeIdCursor(args.after), parts).load(event.id);
    // The registrants (and their memberships) came with the rows: their fields find them on the rows or in the loaders.
    this.loaders.primeRegistrants(ctx, rows, parts);
    return toConnection(rows.map(Registration.withRegistrant), first, (r) => [r.createdAt.toISOString(), r.id], lazy(() => this.loaders.registrationCount(ctx).load(event.id)));
  }

  @Public()
  @ResolveField(() => Registration, { nullable: true, description: 'Your registration (live, else your latest); null when signed out.' })
  myRegistration(@Parent() event: Event, @CurrentViewer() viewer: Viewer | undefined, @CurrentRequest() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Registration | null | Promise<Registration | null> {
    if (!viewer) return null;
    const registrations = this.loaders.viewerRegistrationByEventId(ctx, viewer.id, leanRegistrationOfField(info));
    return whenLoaded(ctx.loaders.load(registrations, event.id), (registration) => (registration ? Registration.from(registration) : null));
  }

  @Public()
  @ResolveField(() => String, { nullable: true, description: 'Only for confirmed registrants and admins; null for everyone else.' })
  async onlineUrl(@Parent() event: Event, @CurrentViewer() viewer: Viewer | undefined, @CurrentRequest() ctx: RequestContext): Promise<string | null> {
    if (!viewer || !event.privateOnlineUrl) return null;
    if (viewerHasPermission(viewer, StaffPermission.EVENT_MANAGER)) return event.privateOnlineUrl;
    const registration = await ctx.loaders.load(this.loaders.viewerRegistrationByEventId(ctx, viewer.id, true), event.id);
    return registration?.status === RegistrationStatus.CONFIRMED ? event.privateOnlineUrl : null;
  }
}
