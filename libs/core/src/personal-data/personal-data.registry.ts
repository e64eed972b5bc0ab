import { Injectable } from '@nestjs/common';

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

/**
 * The port through which each feature library contributes what it holds about a person, asked only
 * for its own tables. Libraries register during `onModuleInit` (like JobRegistry); the privacy
 * library asks them all when it builds an export.
 */
@Injectable()
export class PersonalDataRegistry {
  private readonly exporters = new Map<string, PersonalDataExporter>();

  addExporter(area: string, exporter: PersonalDataExporter): void {
    if (this.exporters.has(area)) throw new Error(`Personal data area "${area}" registered twice`);
    this.exporters.set(area, exporter);
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
