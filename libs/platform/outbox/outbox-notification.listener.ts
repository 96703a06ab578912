import { Injectable, Logger } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '@app/config';

const RECONNECT_DELAY_MS = 2_000;

/**
 * LISTEN 'outbox' on a connection of its own (a pooled connection would lose the subscription when returned),
 * so the relay wakes the moment a transaction that wrote outbox rows commits. While it is disconnected the
 * relay's polling still finds everything; it reconnects by itself.
 */
@Injectable()
export class OutboxNotificationListener {
  private readonly logger = new Logger('OutboxNotificationListener');
  private client: Client | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private stopped = true;
  private onNotification: () => void = () => undefined;

  constructor(private readonly config: AppConfig) {}

  async start(onNotification: () => void): Promise<void> {
    this.onNotification = onNotification;
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'committee-work-outbox-listener' });
    client.on('notification', () => this.onNotification());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query('LISTEN outbox');
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Rows committed while nobody listened sent their notifications into the void.
    this.onNotification();
  }

  private lost(client: Client, error?: Error): void {
    if (this.stopped || (this.client !== undefined && this.client !== client)) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.reconnectTimer) return;
    this.logger.warn(`Not listening for outbox notifications${error ? ` (${error.message})` : ''}; polling until reconnected`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.stopped) void this.connect();
    }, RECONNECT_DELAY_MS);
  }
}
