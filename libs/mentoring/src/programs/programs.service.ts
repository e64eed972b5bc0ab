import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, isUniqueViolation } from '../../../core/src/index.js';
import type { ActingContext } from '../acting-context.js';
import { MentoringProgramEntity } from '../entities/mentoring-program.entity.js';
import type { CreateMentoringProgramInput } from '../inputs/program.input.js';
import { mentoringConflict, MentoringErrorReason } from '../mentoring.errors.js';
import { ProgramsRepository } from './programs.repository.js';

@Injectable()
export class ProgramsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramsRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<MentoringProgramEntity[]> {
    return this.programs.listByName();
  }

  async create(ctx: ActingContext, input: CreateMentoringProgramInput): Promise<MentoringProgramEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const program = await this.programs.insert(manager, {
          name: input.name,
          description: input.description ?? null,
          membersOnly: input.membersOnly,
          ceCreditsPerHour: input.ceCreditsPerHour,
        });
        await this.audit.record(manager, {
          actorId: ctx.actor.id, action: 'mentoring.program.create', targetType: 'MentoringProgram', targetId: program.id,
          after: { name: program.name, membersOnly: program.membersOnly, ceCreditsPerHour: program.ceCreditsPerHour }, requestId: ctx.requestId,
        });
        return program;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'mentoring_programs_name_uq')) {
        throw mentoringConflict(MentoringErrorReason.PROGRAM_NAME_TAKEN, `A mentoring program named "${input.name}" already exists`);
      }
      throw error;
    }
  }
}
