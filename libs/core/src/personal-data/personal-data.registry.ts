import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A file that belongs in a person's export as it is (e.g. a certificate PDF). */
export interface PersonalDataFile {
  name: string;
  content: Buffer;
}

/** One area of what is held about a person: records as JSON, and any files. */
export interface PersonalDataSection {
  area: string;
  records: Record<string, unknown>;
  files?: PersonalDataFile[];
}

export type PersonalDataExporter = (userId: string) => Promise<PersonalDataSection>;

/** The person being erased, as read before anything was changed. */
export interface ErasureSubject {
  userId: string;
  email: string;
  fullName: string;
}

/**
 * Anonymises what one library holds about a person, in the caller's transaction; throws (an AppError)
 * to refuse the whole erasure. Financial records stay, linked to the anonymous account.
 */
export type PersonalDataEraser = (manager: EntityManager, subject: ErasureSubject) => Promise<void>;

/** Runs after every other eraser: the account itself (its checks, such as "not the last admin", run first in its own eraser). */
export const ACCOUNT_AREA = 'account';

/**
 * The port through which each feature library contributes what it holds about a person, asked only
 * for its own tables. Libraries register during `onModuleInit` (like JobRegistry); the privacy
 * library asks them all when it builds an export.
 */
@Injectable()
export class PersonalDataRegistry {
  private readonly exporters = new Map<string, PersonalDataExporter>();
  private readonly erasers = new Map<string, PersonalDataEraser>();

  addExporter(area: string, exporter: PersonalDataExporter): void {
    if (this.exporters.has(area)) throw new Error(`Personal data area "${area}" registered twice`);
    this.exporters.set(area, exporter);
  }

  addEraser(area: string, eraser: PersonalDataEraser): void {
    if (this.erasers.has(area)) throw new Error(`Personal data eraser "${area}" registered twice`);
    this.erasers.set(area, eraser);
  }

  /** Every library's eraser in one transaction (the account's last); any refusal rolls all of it back. */
  async eraseAll(manager: EntityManager, subject: ErasureSubject): Promise<void> {
    const areas = [...this.erasers.keys()].sort((a, b) => Number(a === ACCOUNT_AREA) - Number(b === ACCOUNT_AREA) || a.localeCompare(b));
    for (const area of areas) await this.erasers.get(area)!(manager, subject);
  }

  areas(): string[] {
    return [...this.exporters.keys()].sort();
  }

  /** Every area's section, in area order. */
  async exportAll(userId: string): Promise<PersonalDataSection[]> {
    const sections: PersonalDataSection[] = [];
    for (const area of this.areas()) sections.push(await this.exporters.get(area)!(userId));
    return sections;
  }
}
