import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AdminOnly, CurrentRequest, CurrentViewer, type RequestContext, type Viewer } from '../../../core/src/index.js';
import { WebhookAttemptsLoader } from './webhook-attempts.loader.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';
import {
  CreateWebhookEndpointInput,
  RollWebhookEndpointSecretArgs,
  UpdateWebhookEndpointInput,
  WebhookDeliveriesArgs,
  WebhookDeliveryIdArgs,
  WebhookEndpointIdArgs,
} from './webhook.inputs.js';
import { WebhookAttempt, WebhookDelivery, WebhookDeliveryConnection, WebhookEndpoint, WebhookEndpointCreated, WebhookEndpointSecretRolled } from './webhook.types.js';

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointsResolver {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @AdminOnly()
  @Query(() => [WebhookEndpoint], { description: 'Admin: every webhook endpoint (at most 50).' })
  webhookEndpoints(): Promise<WebhookEndpoint[]> {
    return this.endpoints.list();
  }

  @AdminOnly()
  @Mutation(() => WebhookEndpointCreated, { description: 'Admin: the signing secret is shown this once.' })
  createWebhookEndpoint(@Args('input') input: CreateWebhookEndpointInput, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<WebhookEndpointCreated> {
    return this.endpoints.create(viewer, input, ctx.requestId);
  }

  @AdminOnly()
  @Mutation(() => WebhookEndpoint)
  updateWebhookEndpoint(
    @Args() { id }: WebhookEndpointIdArgs,
    @Args('input') input: UpdateWebhookEndpointInput,
    @CurrentViewer() viewer: Viewer,
    @CurrentRequest() ctx: RequestContext,
  ): Promise<WebhookEndpoint> {
    return this.endpoints.update(viewer, id, input, ctx.requestId);
  }

  @AdminOnly()
  @Mutation(() => WebhookEndpointSecretRolled, { description: 'Admin: a new signing secret, shown this once; the replaced one also signs for keepPreviousForHours.' })
  rollWebhookEndpointSecret(
    @Args() { id, keepPreviousForHours }: RollWebhookEndpointSecretArgs,
    @CurrentViewer() viewer: Viewer,
    @CurrentRequest() ctx: RequestContext,
  ): Promise<WebhookEndpointSecretRolled> {
    return this.endpoints.rollSecret(viewer, id, keepPreviousForHours, ctx.requestId);
  }

  @AdminOnly()
  @ResolveField(() => Date, { nullable: true, description: 'Until when the secret replaced by the last roll also signs (a second v1); null once it no longer does.' })
  previousSecretExpiresAt(@Parent() endpoint: WebhookEndpointEntity): Date | null {
    const until = endpoint.previousSecretExpiresAt;
    return until && until.getTime() > Date.now() ? until : null;
  }

  @AdminOnly()
  @Mutation(() => Boolean, { description: 'Admin: also removes its delivery log.' })
  deleteWebhookEndpoint(@Args() { id }: WebhookEndpointIdArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.endpoints.delete(viewer, id, ctx.requestId);
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveriesResolver {
  constructor(
    private readonly deliveries: WebhookDeliveriesService,
    private readonly attempts: WebhookAttemptsLoader,
  ) {}

  @AdminOnly()
  @Query(() => WebhookDeliveryConnection, { description: 'Admin: the delivery log of an endpoint, newest first.' })
  webhookDeliveries(@Args() args: WebhookDeliveriesArgs): Promise<WebhookDeliveryConnection> {
    return this.deliveries.list(args.endpointId, args);
  }

  @AdminOnly()
  @Mutation(() => WebhookDelivery, { description: 'Admin: sends the delivery again (same event id), now.' })
  resendWebhookDelivery(@Args() { deliveryId }: WebhookDeliveryIdArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<WebhookDelivery> {
    return this.deliveries.resend(viewer, deliveryId, ctx.requestId);
  }

  @AdminOnly()
  @ResolveField(() => [WebhookAttempt], { description: 'Each attempt with its status and latency, newest first (at most 50).' })
  attemptLog(@Parent() delivery: WebhookDelivery, @CurrentRequest() ctx: RequestContext): Promise<WebhookAttempt[]> {
    return this.attempts.byDelivery(ctx).load(delivery.id);
  }
}
