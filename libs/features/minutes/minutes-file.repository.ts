import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import type { MinutesVariant } from '@app/domain';
import { type MinutesEdition, MinutesFile, type MinutesFormat } from './minutes-file.entity.js';

export type StoredMinutesFile = Pick<MinutesFile, 'variant' | 'format' | 'sha256' | 'sha512' | 'size'>;

/** The minutes_file table: the rendered documents of the minutes, each a variant in a format, stored by hash. */
@Injectable()
export class MinutesFileRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  find(minutesId: string, variant: MinutesVariant, format: MinutesFormat, edition: MinutesEdition = 'assembled'): Promise<MinutesFile | null> {
    return this.unitOfWork.outside.findOneBy(MinutesFile, { minutesId, variant, format, edition });
  }

  /** The assembled document: for the members' PDF, the one the seal covers. */
  findOrFail(tx: Transaction, minutesId: string, variant: MinutesVariant, format: MinutesFormat): Promise<MinutesFile> {
    return tx.findOneByOrFail(MinutesFile, { minutesId, variant, format, edition: 'assembled' });
  }

  /** The minutes' documents by variant, then format, the signed edition (the one served by default) first. */
  ofMinutes(minutesId: string, tx: Transaction): Promise<MinutesFile[]> {
    return tx.find(MinutesFile, { where: { minutesId }, order: { variant: 'ASC', format: 'ASC', edition: 'DESC' } });
  }

  /** The draft's documents replaced by a new assembly's. */
  async replace(tx: Transaction, minutesId: string, files: readonly StoredMinutesFile[]): Promise<void> {
    await tx.delete(MinutesFile, { minutesId });
    await tx.insert(MinutesFile, files.map((file) => ({ ...file, minutesId, edition: 'assembled' as const })));
  }

  /** The signed edition, added beside the assembled one when the last signature seals the minutes. */
  async addSigned(tx: Transaction, minutesId: string, files: readonly StoredMinutesFile[]): Promise<void> {
    await tx.insert(MinutesFile, files.map((file) => ({ ...file, minutesId, edition: 'signed' as const })));
  }
}
