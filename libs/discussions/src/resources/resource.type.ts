import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../core/src/index.js';
import { type ResourceEntity } from '../entities/resource.entity.js';

@ObjectType('Resource', { description: "An item on a space's shelf: a link, or a file (download at /resources/{id}/download)." })
export class Resource {
  @Field(() => ID) id: string;
  @Field({ description: 'LINK or FILE.' }) kind: string;
  @Field() title: string;
  @Field(() => String, { nullable: true, description: 'LINK: where it points.' }) url: string | null;
  @Field(() => String, { nullable: true, description: 'FILE: its name.' }) fileName: string | null;
  @Field(() => String, { nullable: true, description: 'FILE: its type, as recognised from its bytes.' }) contentType: string | null;
  @Field(() => Int, { nullable: true }) sizeBytes: number | null;
  @Field(() => [String]) tags: string[];
  @Field() createdAt: Date;
  addedById: string | null;

  static from(e: ResourceEntity): Resource {
    return { id: e.id, kind: e.kind, title: e.title, url: e.url, fileName: e.fileName, contentType: e.contentType, sizeBytes: e.sizeBytes, tags: e.tags, createdAt: e.createdAt, addedById: e.addedById };
  }
}

@ObjectType()
export class ResourceConnection extends Connection(Resource) {}
