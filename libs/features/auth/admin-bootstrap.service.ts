import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { PasswordHasher, PersonRepository } from '@app/people';

const BOOTSTRAP_LOCK = 748_193_202;

/** When nobody can log in yet, makes ADMIN_EMAIL an administrator with ADMIN_PASSWORD. */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly people: PersonRepository,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.ADMIN_EMAIL.toLowerCase();
    const created = await this.unitOfWork.run(async (tx) => {
      // Instances starting together each come here; the first creates the administrator, the others find it.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      if (await this.people.anyoneCanLogIn(tx)) return false;
      await this.people.makeAdministrator(tx, email, await PasswordHasher.hash(this.config.ADMIN_PASSWORD));
      return true;
    });
    if (created) this.logger.log(`Created the first administrator ${email} from ADMIN_EMAIL/ADMIN_PASSWORD`);
  }
}
