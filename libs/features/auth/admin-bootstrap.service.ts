import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Person, PasswordHasher } from '@app/people';

const BOOTSTRAP_LOCK = 748_193_202;

/** When nobody can log in yet, makes ADMIN_EMAIL an administrator with ADMIN_PASSWORD. */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.ADMIN_EMAIL.toLowerCase();
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      const withLogin = await manager.createQueryBuilder(Person, 'p').where('p.password_hash IS NOT NULL').getExists();
      if (withLogin) return false;
      const passwordHash = await PasswordHasher.hash(this.config.ADMIN_PASSWORD);
      await manager
        .createQueryBuilder()
        .insert()
        .into(Person)
        .values({ name: 'Administrator', email, roles: ['admin'], passwordHash })
        .orUpdate(['password_hash', 'roles'], ['email'])
        .execute();
      return true;
    });
    if (created) this.logger.log(`Created the first administrator ${email} from ADMIN_EMAIL/ADMIN_PASSWORD`);
  }
}
